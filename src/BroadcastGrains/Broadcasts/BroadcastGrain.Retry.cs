using BroadcastGrains.Partitions;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// API.md <c>POST …/retry</c>: a run of kind retry through the partitions of the latest run (which own the recipients;
/// nothing is copied), to those <see cref="RetryRule"/> picks. It counts against the quota, holds credits and is undone
/// on failure like any start; the partitions are told to send only once the run is stored.
/// </summary>
internal sealed partial class BroadcastGrain
{
    public Task<BroadcastOutcome> RetryAsync(string clientId, RecipientStatus[] statuses) =>
        UndoingOnFailureAsync(() => RetryOnceAsync(clientId, statuses));

    async Task<BroadcastOutcome> RetryOnceAsync(string clientId, RecipientStatus[] statuses)
    {
        if (Refusal(clientId, () => State.Status == BroadcastStatus.Completed ? null
                : new BroadcastError(ErrorCodes.InvalidState, $"only a completed broadcast is retried; this one is {State.Status.ToApiName()}")) is { } refused)
        {
            return refused;
        }
        var source = State.Runs.LastOrDefault(r => r.Partitions.Length > 0);
        if (source is null)
        {
            return NothingToRetry();
        }
        var run = Lifecycle.Runs.Next;
        // The retried run's own count: a run on lists read at its start may have more partitions than run 1.
        var partitions = Partitions(source.Run, source.Partitions.Length).ToArray();
        var estimates = await Task.WhenAll(partitions.Select(p => p.EstimateRetryAsync(statuses)));
        var recipients = RunQuota.Sendable(State, estimates);
        if (recipients == 0)
        {
            return NothingToRetry();
        }
        if (await ReserveRunQuotaAsync(run, estimates) is { } overQuota)
        {
            return BroadcastOutcome.Fail(overQuota);
        }
        var credits = estimates.Sum(e => e.Credits);
        var pending = new PendingHold(run, State.HoldAttempts, Id);
        await StoreMarkerAsync(pending);
        var hold = await GrainFactory.GetGrain<IWalletGrain>(State.ClientId!).HoldAsync(new WalletOperation(pending.OperationId, Id, credits, run));
        if (!hold.Held)
        {
            await StoreMarkerAsync(null);
            await ReleaseRunQuotaAsync(run, estimates);
            return BroadcastOutcome.Fail(ErrorCodes.InsufficientCredits, $"needs {credits}, available {hold.Available}");
        }
        var now = time.GetUtcNow();
        State.Runs.Add(new RunState
        {
            Run = run,
            Status = BroadcastStatus.Sending,
            ScheduledFor = now,
            StartedAt = now,
            RecipientCount = recipients,
            EstimatedCredits = credits,
            Held = credits,
            PartitionsOf = source.GrainRun,
            RetryStatuses = statuses,
            // Until each partition reports for the retry, it shows its recipients as the retried run left them.
            Partitions = source.Partitions
                .Select(p => p is null ? null : p with { Run = run, Done = false, Captured = 0, Refunded = 0, Outside = p.Counts })
                .ToArray(),
        });
        State.DropOldRuns();
        State.Status = BroadcastStatus.Sending;
        State.PendingHold = null;
        await SaveAsync();
        _holdInFlight = null;
        _partitionsStarting = StartRetryPartitionsAsync(run, partitions, statuses);
        EnsureFlushTimer();
        BroadcastLog.RunStarted(logger, Id, run, recipients, partitions.Length);
        return new BroadcastOutcome(View(), null);
    }

    /// <summary>Like <see cref="StartPartitionsAsync"/>: a start that is lost is made again by the next wake.</summary>
    async Task StartRetryPartitionsAsync(int run, IRecipientPartitionGrain[] partitions, RecipientStatus[] statuses)
    {
        try
        {
            await Task.WhenAll(partitions.Select(p => p.StartRetryAsync(run, statuses)));
        }
        catch (Exception e)
        {
            BroadcastLog.PartitionsNotStarted(logger, Id, run, e);
        }
    }

    static BroadcastOutcome NothingToRetry() =>
        BroadcastOutcome.Fail(ErrorCodes.NothingToRetry, "no recipient's latest attempt ended in a status asked for with a retryable error");
}
