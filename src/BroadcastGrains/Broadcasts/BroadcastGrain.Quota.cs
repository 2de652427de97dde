using BroadcastGrains.Catalogue;
using BroadcastGrains.Limits;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>The client's daily quota calls of a run; <see cref="RunQuota"/> says what each one counts.</summary>
internal sealed partial class BroadcastGrain
{
    IDailyQuotaGrain Quota => GrainFactory.GetGrain<IDailyQuotaGrain>(State.ClientId!);

    /// <summary>Counts the run against the client's quota, if it has one; DAILY_QUOTA_EXCEEDED when it does not fit.</summary>
    async Task<BroadcastError?> ReserveRunQuotaAsync(int run, PartitionEstimate[]? estimates)
    {
        var client = await GrainFactory.GetGrain<IClientGrain>(State.ClientId!).GetAsync();
        if (client?.DailyQuota is not { } quota)
        {
            return null;
        }
        var sendable = RunQuota.Sendable(State, estimates);
        var decision = await Quota.ReserveAsync(RunQuota.Key(Id, run), sendable, quota);
        return decision.Allowed ? null : RunQuota.Exceeded(sendable, quota);
    }

    /// <summary>Gives back all the run counted: it could not start after all (its hold was refused).</summary>
    Task ReleaseRunQuotaAsync(int run, PartitionEstimate[]? estimates) =>
        Quota.ReleaseAsync(RunQuota.Key(Id, run), RunQuota.Sendable(State, estimates));

    /// <summary>Gives back a cancelled run's recipients that were never handed to a carrier.</summary>
    Task ReleaseUnsentQuotaAsync(RunState run) =>
        RunQuota.Unsent(run) is var unsent and > 0 ? Quota.ReleaseAsync(RunQuota.Key(Id, run.Run), unsent) : Task.CompletedTask;

    /// <summary>Gives back everything run <paramref name="run"/> counted, so that its retry counts it again, once.</summary>
    Task ReleaseAllRunQuotaAsync(int run) => Quota.ReleaseAsync(RunQuota.Key(Id, run), long.MaxValue);
}
