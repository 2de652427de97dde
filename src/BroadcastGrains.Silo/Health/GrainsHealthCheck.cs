using BroadcastGrains.Catalogue;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BroadcastGrains.Silo.Health;

/// <summary>
/// The silo serves grain calls: reading the price table activates a grain and reads its state. Once that grain is
/// active it answers from memory, so this says nothing about durable storage (<see cref="StorageHealthCheck"/> does).
/// </summary>
internal sealed class GrainsHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public const string Name = "grains";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A grain call does not observe the token; waiting on it lets the check's timeout end the wait.
        await grains.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync().WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
