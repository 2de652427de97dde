using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every registered health check: the silo serves
/// grain calls, its storage answers, the SMPP binds are not refused). A 503 names the failing components only: exception
/// texts carry host names, connection details and sometimes numbers, and the answer needs no key (API.md). The
/// exceptions go to the log, where the health check service writes each failing check with its exception.
/// Route handlers rather than <c>MapHealthChecks</c>, so the OpenAPI document describes both endpoints.
/// </summary>
internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        api.MapGet("/live", () => TypedResults.Ok(new { status = "live" })).WithName("Live");
        api.MapGet("/ready", ReadyAsync).WithName("Ready");
    }

    static async Task<Results<Ok<object>, ProblemHttpResult>> ReadyAsync(HealthCheckService checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        if (report.Status != HealthStatus.Unhealthy)
        {
            // Degraded (an SMPP link reconnecting by itself) still serves.
            return TypedResults.Ok<object>(new { status = "ready" });
        }
        var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key);
        return TypedResults.Problem(statusCode: 503, title: "Not ready", detail: $"{string.Join(", ", failing)} did not answer",
            extensions: new Dictionary<string, object?> { ["code"] = "NOT_READY" });
    }
}
