using System.Data.Common;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the silo serves grain calls, its storage answers and no
/// registered health check, such as the SMPP binds', is unhealthy).
/// </summary>
internal static class HealthApi
{
    static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        api.MapGet("/live", () => TypedResults.Ok(new { status = "live" })).WithName("Live");
        api.MapGet("/ready", ReadyAsync).WithName("Ready");
    }

    static async Task<Results<Ok<object>, ProblemHttpResult>> ReadyAsync(IGrainFactory grains,
        [FromServices] IEnumerable<IStorageProbe> storage, [FromServices] HealthCheckService checks,
        CancellationToken cancellationToken)
    {
        try
        {
            // Reading the price table activates a grain and reads its state: the silo serves grain calls.
            await grains.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync().WaitAsync(ReadyTimeout, cancellationToken);
            // Once active, that grain answers from memory: durable storage is asked directly.
            foreach (var probe in storage)
            {
                await probe.PingAsync(cancellationToken).WaitAsync(ReadyTimeout, cancellationToken);
            }
            // Registered checks, such as the SMPP binds': a bind the SMSC refuses means this silo cannot send.
            var report = await checks.CheckHealthAsync(cancellationToken);
            if (report.Status == HealthStatus.Unhealthy)
            {
                var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy)
                    .Select(e => $"{e.Key}: {e.Value.Description}");
                return TypedResults.Problem(statusCode: 503, title: "Not ready", detail: string.Join("; ", failing),
                    extensions: new Dictionary<string, object?> { ["code"] = "NOT_READY" });
            }
            return TypedResults.Ok<object>(new { status = "ready" });
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException or DbException)
        {
            return TypedResults.Problem(statusCode: 503, title: "Not ready", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["code"] = "NOT_READY" });
        }
    }
}
