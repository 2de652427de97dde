using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;
using BroadcastGrains.Partitions;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Runs: a run holds its own credits when it becomes due, starts its own partitions (run 1 uses the prepared ones,
/// later runs clone their recipients), and releases what it did not spend when every partition is done.
/// </summary>
internal sealed partial class BroadcastGrain
{
    /// <summary>The starts of the newest run's partitions, still in flight or done (it never faults).</summary>
    Task _partitionsStarting = Task.CompletedTask;

    /// <summary>Puts a broadcast that was just created or approved on its schedule; a refusal changes nothing.</summary>
    async Task<BroadcastError?> EnterScheduleAsync(bool replan = false)
    {
        if (Lifecycle.RunDueOnEntry(time.GetUtcNow()) is { } due)
        {
            return await StartRunAsync(Lifecycle.Runs.Next, due, interactive: true, replan);
        }
        await SaveAsync();
        await ArmAsync();
        return null;
    }

    /// <summary>
    /// Starts run <paramref name="run"/>. Interactive starts (create, approve, send-now) answer a refusal and change
    /// nothing; a start by the schedule records the run as failed and keeps later runs scheduled.
    /// </summary>
    async Task<BroadcastError?> StartRunAsync(int run, DateTimeOffset scheduledFor, bool interactive, bool replan)
    {
        var now = time.GetUtcNow();
        var (estimates, unresolved) = ResolvesAudienceAtStart ? await ResolveAudienceAsync(run) : (await EstimateRunAsync(run, replan), null);
        if (unresolved is not null)
        {
            return interactive ? unresolved : await FailRunAsync(run, scheduledFor, $"{unresolved.Code}: {unresolved.Detail}");
        }
        if (estimates is not null && run == FirstRun && ResolvesAudienceAtStart)
        {
            // Run 1's partitions were prepared again: the figures follow them at once, so they never name partitions gone.
            PlanFigures.Apply(State, estimates);
        }
        var count = estimates?.Length ?? State.PartitionCount;
        if (estimates?.FirstOrDefault(e => e.Error is not null)?.Error is { } invalid)
        {
            return interactive ? invalid : await FailRunAsync(run, scheduledFor, invalid.Detail);
        }
        if (await ReserveRunQuotaAsync(run, estimates) is { } overQuota)
        {
            await DiscardClonesAsync(run, count);
            return interactive ? overQuota : await FailRunAsync(run, scheduledFor, $"{overQuota.Code}: {overQuota.Detail}");
        }
        var credits = estimates?.Sum(e => e.Credits) ?? State.EstimatedCredits;
        var wallet = GrainFactory.GetGrain<IWalletGrain>(State.ClientId!);
        var pending = new PendingHold(run, State.HoldAttempts, Id);
        await StoreMarkerAsync(pending);
        var hold = await wallet.HoldAsync(new WalletOperation(pending.OperationId, Id, credits, run));
        if (!hold.Held)
        {
            await StoreMarkerAsync(null);
            await ReleaseRunQuotaAsync(run, estimates);
            await DiscardClonesAsync(run, count);
            var insufficient = new BroadcastError(ErrorCodes.InsufficientCredits, $"needs {credits}, available {hold.Available}");
            return interactive ? insufficient : await FailRunAsync(run, scheduledFor, $"insufficient credits: {insufficient.Detail}");
        }
        if (estimates is not null && run == FirstRun)
        {
            PlanFigures.Apply(State, estimates);
        }
        var prepared = estimates is null ? State.Prepared : PlanFigures.Prepared(estimates);
        Lifecycle.Runs.Started(run, scheduledFor, now, credits, prepared);
        await SaveAsync();
        await ArmAsync();
        // Committed: the run records the hold, and nothing after this may fail, so an undo never meets a sending partition.
        _holdInFlight = null;
        _partitionsStarting = StartPartitionsAsync(run, count);
        EnsureFlushTimer();
        BroadcastLog.RunStarted(logger, Id, run, State.RecipientCount, count);
        return null;
    }

    /// <summary>
    /// Tells the run's partitions to send, without holding up the caller: the run is stored as sending already, and a
    /// 2,000,000-recipient create answered ~0.7 s sooner once its 100 partitions' first batches no longer queued ahead
    /// of the reply. A start that is lost (a failed call, a silo gone) is made again by the next wake, which starts
    /// every partition of a sending run; pause and cancel first wait for <see cref="_partitionsStarting"/>, so a late
    /// start can never undo them.
    /// </summary>
    async Task StartPartitionsAsync(int run, int count)
    {
        try
        {
            await Task.WhenAll(Partitions(run, count).Select(p => p.StartAsync()));
        }
        catch (Exception e)
        {
            BroadcastLog.PartitionsNotStarted(logger, Id, run, e);
        }
    }

    /// <summary>Prices the run: run 1 again when it was prepared earlier (prices or message may have changed), later runs as clones.</summary>
    async Task<PartitionEstimate[]?> EstimateRunAsync(int run, bool replan)
    {
        if (run == FirstRun && !replan)
        {
            return null;
        }
        var prices = await GrainFactory.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();
        var message = BroadcastMessage.Of(State.Definition!);
        var sources = Partitions(FirstRun, State.PartitionCount).ToArray();
        return run == FirstRun
            ? await Task.WhenAll(sources.Select(p => p.ReplanAsync(message, prices)))
            : await Task.WhenAll(sources.Select((p, i) => p.CloneIntoAsync(PartitionKeys.Format(Id, run, i), message, prices)));
    }

    /// <summary>Runs after the first have partitions of their own (clones); a run that does not start drops them.</summary>
    Task DiscardClonesAsync(int run, int count) => run > FirstRun ? DiscardRunAsync(run, count) : Task.CompletedTask;

    async Task<BroadcastError?> FailRunAsync(int run, DateTimeOffset scheduledFor, string reason)
    {
        Lifecycle.Runs.Failed(run, scheduledFor, time.GetUtcNow(), reason);
        await SaveAsync();
        await ArmAsync();
        BroadcastLog.RunFailed(logger, Id, run, reason);
        return null;
    }

    async Task FinishRunAsync(RunState run)
    {
        var released = await GrainFactory.GetGrain<IWalletGrain>(State.ClientId!)
            .ReleaseRemainderAsync($"{Id}/release/{run.Run}", Id, run.Run);
        if (Lifecycle.Runs.Finished(run, released, time.GetUtcNow()))
        {
            BroadcastLog.StatusChanged(logger, Id, State.Status.ToApiName());
        }
        await SaveAsync();
    }
}
