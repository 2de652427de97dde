using BroadcastGrains.Catalogue;
using BroadcastGrains.Limits;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The client's daily quota (API.md <c>dailyQuota</c>): each run counts, when it starts, the recipients it will hand
/// to carriers (its pending ones: invalid, opted-out and unroutable recipients are final before any run) on the UTC
/// day it starts; cancelling a run gives back its unsent part. One quota call per run, never per recipient.
/// </summary>
internal sealed partial class BroadcastGrain
{
    string QuotaKey(int run) => $"{Id}/run/{run}";

    /// <summary>The run's recipients a carrier will be handed: run 1's prepared counts, or the run's own estimates.</summary>
    long SendableRecipients(PartitionEstimate[]? estimates) => estimates is null
        ? State.Prepared.Sum(p => p?.Counts[(int)RecipientStatus.Pending] ?? 0)
        : estimates.Sum(e => e.Counts[(int)RecipientStatus.Pending]);

    /// <summary>Counts the run against the client's quota, if it has one; DAILY_QUOTA_EXCEEDED when it does not fit.</summary>
    async Task<BroadcastError?> ReserveRunQuotaAsync(int run, PartitionEstimate[]? estimates)
    {
        var client = await GrainFactory.GetGrain<IClientGrain>(State.ClientId!).GetAsync();
        if (client?.DailyQuota is not { } quota)
        {
            return null;
        }
        var sendable = SendableRecipients(estimates);
        var decision = await GrainFactory.GetGrain<IDailyQuotaGrain>(State.ClientId!).ReserveAsync(QuotaKey(run), sendable, quota);
        return decision.Allowed
            ? null
            : new BroadcastError(ErrorCodes.DailyQuotaExceeded,
                $"{sendable} recipients exceed what is left of today's quota of {quota} (UTC days)");
    }

    /// <summary>Gives back all the run counted: it could not start after all (its hold was refused).</summary>
    Task ReleaseRunQuotaAsync(int run, PartitionEstimate[]? estimates) =>
        GrainFactory.GetGrain<IDailyQuotaGrain>(State.ClientId!).ReleaseAsync(QuotaKey(run), SendableRecipients(estimates));

    /// <summary>Gives back a cancelled run's recipients that were never handed to a carrier.</summary>
    Task ReleaseUnsentQuotaAsync(RunState run)
    {
        var unsent = run.Partitions.Sum(p => p?.Counts[(int)RecipientStatus.Cancelled] ?? 0);
        return unsent == 0
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IDailyQuotaGrain>(State.ClientId!).ReleaseAsync(QuotaKey(run.Run), unsent);
    }
}
