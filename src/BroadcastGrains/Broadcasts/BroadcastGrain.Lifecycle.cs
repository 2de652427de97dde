using BroadcastGrains.Wallet;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Cancel, pause, resume, approve and send-now: <see cref="BroadcastLifecycle"/> answers whether each may run now and
/// records what it changes; this calls the partitions and the wallet in between.
/// </summary>
internal sealed partial class BroadcastGrain
{
    public async Task<BroadcastOutcome> CancelAsync(string clientId)
    {
        if (Refusal(clientId, () => Lifecycle.RefuseCancel()) is { } refused)
        {
            return refused;
        }
        await _partitionsStarting;
        var now = time.GetUtcNow();
        var neverStarted = State.RunCount == 0;
        var active = Lifecycle.Cancel(now);
        if (neverStarted)
        {
            // Never started: the prepared recipients become cancelled, so drSummary still adds up.
            foreach (var progress in await Task.WhenAll(Partitions(FirstRun, State.PartitionCount).Select(p => p.CancelAsync())))
            {
                State.Prepared[progress.Partition] = progress;
            }
        }
        foreach (var run in active)
        {
            await Task.WhenAll(Partitions(run.Run, run.Partitions.Length).Select(p => p.InterruptAsync()));
            // Partitions answer once every message the carrier accepted is captured, so releasing after them frees
            // exactly the credits of the recipients that were never sent.
            foreach (var progress in await Task.WhenAll(Partitions(run.Run, run.Partitions.Length).Select(p => p.CancelAsync())))
            {
                await ReportAsync(progress);
            }
            BroadcastRuns.Cancelling(run);
            await ReleaseUnsentQuotaAsync(run);
            var released = await GrainFactory.GetGrain<IWalletGrain>(State.ClientId!)
                .ReleaseRemainderAsync($"{Id}/release/{run.Run}", Id, run.Run);
            BroadcastRuns.Cancelled(run, released, now);
        }
        await SaveAsync();
        await ArmAsync();
        BroadcastLog.StatusChanged(logger, Id, State.Status.ToApiName());
        return new BroadcastOutcome(View(), null);
    }

    public async Task<BroadcastOutcome> PauseAsync(string clientId)
    {
        if (Refusal(clientId, () => Lifecycle.RefusePause()) is { } refused)
        {
            return refused;
        }
        await _partitionsStarting;
        foreach (var run in Lifecycle.Pause())
        {
            await Task.WhenAll(Partitions(run.Run, run.Partitions.Length).Select(p => p.InterruptAsync()));
            await Task.WhenAll(Partitions(run.Run, run.Partitions.Length).Select(p => p.PauseAsync()));
        }
        await SaveAsync();
        return new BroadcastOutcome(View(), null);
    }

    public async Task<BroadcastOutcome> ResumeAsync(string clientId)
    {
        if (Refusal(clientId, () => Lifecycle.RefuseResume()) is { } refused)
        {
            return refused;
        }
        foreach (var run in Lifecycle.Resume())
        {
            await Task.WhenAll(Partitions(run.Run, run.Partitions.Length).Select(p => p.StartAsync()));
        }
        await SaveAsync();
        EnsureFlushTimer();
        await ArmAsync();
        return new BroadcastOutcome(View(), null);
    }

    public Task<BroadcastOutcome> ApproveAsync(string clientId) => UndoingOnFailureAsync(() => ApproveOnceAsync(clientId));

    async Task<BroadcastOutcome> ApproveOnceAsync(string clientId)
    {
        if (Refusal(clientId, () => Lifecycle.RefuseApproval()) is { } needsNone)
        {
            return needsNone;
        }
        var before = Lifecycle.Approve(time.GetUtcNow());
        if (await EnterScheduleAsync(replan: true) is { } refused)
        {
            Lifecycle.Restore(before);
            return BroadcastOutcome.Fail(refused);
        }
        return new BroadcastOutcome(View(), null);
    }

    public Task<BroadcastOutcome> SendNowAsync(string clientId) => UndoingOnFailureAsync(() => SendNowOnceAsync(clientId));

    async Task<BroadcastOutcome> SendNowOnceAsync(string clientId)
    {
        if (Refusal(clientId, () => Lifecycle.RefuseSendNow()) is { } notScheduled)
        {
            return notScheduled;
        }
        var before = Lifecycle.Mark();
        if (await StartRunAsync(Lifecycle.Runs.Next, time.GetUtcNow(), interactive: true, replan: true) is { } refused)
        {
            Lifecycle.Restore(before);
            return BroadcastOutcome.Fail(refused);
        }
        if (Lifecycle.IsRecurring)
        {
            Lifecycle.KeepSeriesTimes(before);
            await SaveAsync();
            await ArmAsync();
        }
        return new BroadcastOutcome(View(), null);
    }

    /// <summary>An unfinished create belongs to no one yet: it is invisible until it commits.</summary>
    bool Owns(string clientId) => State.Exists && !State.Creating && string.Equals(State.ClientId, clientId, StringComparison.Ordinal);

    /// <summary>NOT_FOUND for a broadcast the client does not own, else what <paramref name="rule"/> refuses (it runs only then).</summary>
    BroadcastOutcome? Refusal(string clientId, Func<BroadcastError?> rule) =>
        !Owns(clientId) ? BroadcastOutcome.Fail(ErrorCodes.NotFound, "no such broadcast")
        : rule() is { } refused ? BroadcastOutcome.Fail(refused)
        : null;
}
