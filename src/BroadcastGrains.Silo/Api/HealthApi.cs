using System.Data.Common;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the silo serves grain calls, its storage answers and no
/// registered health check, such as the SMPP binds', is unhealthy). A 503 names the failing component only: exception
/// texts carry host names, connection details and sometimes numbers, and the answer needs no key (API.md).
/// </summary>
internal static partial class HealthApi
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
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("BroadcastGrains.Silo.Health");
        var component = "grains";
        try
        {
            // Reading the price table activates a grain and reads its state: the silo serves grain calls.
            await grains.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync().WaitAsync(ReadyTimeout, cancellationToken);
            // Once active, that grain answers from memory: durable storage is asked directly.
            component = "storage";
            foreach (var probe in storage)
            {
                await probe.PingAsync(cancellationToken).WaitAsync(ReadyTimeout, cancellationToken);
            }
            // Registered checks, such as the SMPP binds': a bind the SMSC refuses means this silo cannot send.
            var report = await checks.CheckHealthAsync(cancellationToken);
            if (report.Status == HealthStatus.Unhealthy)
            {
                var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key);
                return NotReady($"unhealthy: {string.Join(", ", failing)}");
            }
            return TypedResults.Ok<object>(new { status = "ready" });
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException or DbException)
        {
            // The exception goes to the log, where the operator reads it; the answer names the component.
            LogNotReady(logger, component, e);
            return NotReady($"{component} did not answer");
        }
    }

    static ProblemHttpResult NotReady(string detail) => TypedResults.Problem(statusCode: 503, title: "Not ready", detail: detail,
        extensions: new Dictionary<string, object?> { ["code"] = "NOT_READY" });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {Component} did not answer")]
    static partial void LogNotReady(ILogger logger, string component, Exception exception);
}
