namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>
/// Shares a connector's cluster-wide rate (parts per second) among the silos that send: each silo's gate checks in every few
/// seconds and gets its share; a silo that stops checking in drops out and its share goes back to the others.
/// One activation per connector (keyed by its name) for the whole cluster; it holds only who checked in when.
/// </summary>
[Alias("connector-rate")]
internal interface IConnectorRateGrain : IGrainWithStringKey
{
    /// <summary>Records that <paramref name="member"/> sends and answers its share of <paramref name="clusterRate"/> per second.</summary>
    [Alias("share")]
    Task<int> ShareAsync(Guid member, int clusterRate);

    /// <summary>Removes a member that stops (its share goes back to the others at their next check-in).</summary>
    [Alias("leave")]
    Task LeaveAsync(Guid member);
}

/// <summary>
/// Splits the rate evenly, handing the remainder to the members that sort first so that the shares add up to exactly
/// the cluster's rate. Membership lives in memory: after a restart of this activation every silo checks in again
/// within one period, and until then each keeps the share it had.
/// </summary>
[GrainType("connector-rate")]
internal sealed class ConnectorRateGrain(TimeProvider time) : Grain, IConnectorRateGrain
{
    /// <summary>A member silent for this long no longer counts.</summary>
    public static readonly TimeSpan MemberLifetime = TimeSpan.FromSeconds(15);

    readonly Dictionary<Guid, DateTimeOffset> _members = [];

    public Task<int> ShareAsync(Guid member, int clusterRate)
    {
        var now = time.GetUtcNow();
        _members[member] = now;
        foreach (var stale in _members.Where(m => now - m.Value > MemberLifetime).Select(m => m.Key).ToList())
        {
            _members.Remove(stale);
        }
        var ordered = _members.Keys.Order().ToList();
        var count = ordered.Count;
        var share = clusterRate / count;
        var remainder = clusterRate % count;
        return Task.FromResult(share + (ordered.IndexOf(member) < remainder ? 1 : 0));
    }

    public Task LeaveAsync(Guid member)
    {
        _members.Remove(member);
        return Task.CompletedTask;
    }
}
