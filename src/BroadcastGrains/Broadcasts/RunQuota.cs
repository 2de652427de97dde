using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The client's daily quota (API.md <c>dailyQuota</c>) as a run sees it: each run counts, when it starts, the recipients
/// it will hand to carriers (its pending ones: invalid, opted-out and unroutable recipients are final before any run);
/// cancelling a run gives back its unsent part. One quota call per run, never per recipient.
/// </summary>
internal static class RunQuota
{
    /// <summary>The quota's key for a run: a retried start counts it once.</summary>
    public static string Key(string broadcastId, int run) => $"{broadcastId}/run/{run}";

    /// <summary>The run's recipients a carrier will be handed: run 1's prepared counts, or the run's own estimates.</summary>
    public static long Sendable(BroadcastState state, PartitionEstimate[]? estimates) => estimates is null
        ? state.Prepared.Sum(p => p?.Counts[(int)RecipientStatus.Pending] ?? 0)
        : estimates.Sum(e => e.Counts[(int)RecipientStatus.Pending]);

    /// <summary>A cancelled run's recipients that were never handed to a carrier: what goes back to the quota.</summary>
    public static long Unsent(RunState run) => run.Partitions.Sum(p => p?.Counts[(int)RecipientStatus.Cancelled] ?? 0);

    public static BroadcastError Exceeded(long sendable, long quota) => new(ErrorCodes.DailyQuotaExceeded,
        $"{sendable} recipients exceed what is left of today's quota of {quota} (UTC days)");
}
