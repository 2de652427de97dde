using Orleans.Configuration;

namespace BroadcastGrains.Silo.Faults;

/// <summary>
/// How fast the cluster declares a killed silo dead. Until it does, calls to grains that lived there (and directory
/// lookups it owned) fail, so the window is what API availability during a crash hangs on. Orleans' defaults (a 5 s
/// probe, 3 misses) take 10-15 s; a 2 s probe with 3 misses declares a silo dead in about 6 s, which still rides out
/// a 4 s stall of a busy 2-core silo without evicting a live one.
/// </summary>
internal static class DeathDetection
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    public const int MissedProbes = 3;

    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbes;
        // Votes of a probe round stay valid long enough for a second voter to add its own.
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        // Silos that missed the gossip still learn of the death from the table within this.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }
}
