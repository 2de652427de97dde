using System.Collections.Concurrent;
using BroadcastGrains.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// The state of this silo's binds, as the readiness check reads it. A bind the SMSC refused (bad credentials) makes
/// the silo unready: it cannot send and will not until an operator acts. A bind that is only reconnecting does not,
/// since it recovers by itself; the description says so.
/// </summary>
public sealed class SmppHealth
{
    readonly ConcurrentDictionary<int, (BindState State, string Detail)> _binds = new();

    /// <summary>True when no bind was refused by the SMSC.</summary>
    public bool IsHealthy => _binds.Values.All(b => b.State != BindState.Rejected);

    /// <summary>Binds now bound.</summary>
    public int BoundCount => _binds.Values.Count(b => b.State == BindState.Bound);

    /// <summary>One line per bind, for the readiness answer and logs.</summary>
    public string Describe() => _binds.IsEmpty
        ? "no SMPP bind started"
        : string.Join("; ", _binds.OrderBy(b => b.Key)
            .Select(b => $"bind {b.Key}: {b.Value.State.ToString().ToLowerInvariant()} {b.Value.Detail}".TrimEnd()));

    internal void Report(int bind, BindState state, string detail = "") => _binds[bind] = (state, detail);

    internal void Forget(int bind) => _binds.TryRemove(bind, out _);
}

/// <summary>Where a bind stands.</summary>
internal enum BindState
{
    Connecting,
    Bound,
    Rejected,
    Down,
}

/// <summary>
/// The SMPP part of readiness: unhealthy while the SMSC refuses the bind (wrong credentials: nothing can be sent until
/// an operator acts), degraded while no bind is up (it reconnects by itself), healthy otherwise or when the silo uses
/// another carrier.
/// </summary>
internal sealed class SmppHealthCheck(SmppHealth health, IOptions<BroadcastOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Carrier != CarrierKind.Smpp)
        {
            return Task.FromResult(HealthCheckResult.Healthy("the SMPP carrier is not in use"));
        }
        var description = health.Describe();
        var result = !health.IsHealthy ? HealthCheckResult.Unhealthy(description)
            : health.BoundCount == 0 ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description);
        return Task.FromResult(result);
    }
}
