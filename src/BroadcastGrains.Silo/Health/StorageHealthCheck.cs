using BroadcastGrains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BroadcastGrains.Silo.Health;

/// <summary>Durable storage answers: every registered <see cref="IStorageProbe"/> (none with in-memory storage).</summary>
internal sealed class StorageHealthCheck(IEnumerable<IStorageProbe> probes) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var probe in probes)
        {
            await probe.PingAsync(cancellationToken).WaitAsync(cancellationToken);
        }
        return HealthCheckResult.Healthy();
    }
}
