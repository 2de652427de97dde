using BroadcastGrains.Wallet;

namespace BroadcastGrains.Broadcasts;

/// <summary>Cancel, pause, resume, approve and send-now, with API.md's answers for every state.</summary>
internal sealed partial class BroadcastGrain
{
    public async Task<BroadcastOutcome> CancelAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return NotFound();
        }
        switch (State.Status)
        {
            case BroadcastStatus.Cancelled:
                return BroadcastOutcome.Fail(ErrorCodes.AlreadyCancelled, "the broadcast is already cancelled");
            case BroadcastStatus.Completed:
                return BroadcastOutcome.Fail(ErrorCodes.AlreadyProcessing, "the broadcast has completed");
            case BroadcastStatus.Failed:
                return BroadcastOutcome.Fail(ErrorCodes.InvalidState, "the broadcast has failed");
        }
        await partitionsStarting;
        var now = time.GetUtcNow();
        State.Status = BroadcastStatus.Cancelled;
        State.NextRunAt = null;
        State.CompletedAt = now;
        var active = State.Runs.Where(r => r.IsActive).ToList();
        if (State.RunCount == 0)
        {
            // Never started: the prepared recipients become cancelled, so drSummary still adds up.
            foreach (var progress in await Task.WhenAll(Partitions(FirstRun, State.PartitionCount).Select(p => p.CancelAsync())))
            {
                State.Prepared[progress.Partition] = progress;
            }
        }
        foreach (var run in active)
        {
            await Task.WhenAll(Partitions(run.Run, State.PartitionCount).Select(p => p.InterruptAsync()));
            // Partitions answer once every message the carrier accepted is captured, so releasing after them frees
            // exactly the credits of the recipients that were never sent.
            foreach (var progress in await Task.WhenAll(Partitions(run.Run, State.PartitionCount).Select(p => p.CancelAsync())))
            {
                await ReportAsync(progress);
            }
            run.Status = BroadcastStatus.Cancelled;
            await ReleaseUnsentQuotaAsync(run);
            run.Released += await GrainFactory.GetGrain<IWalletGrain>(State.ClientId!)
                .ReleaseRemainderAsync($"{Id}/release/{run.Run}", Id, run.Run);
            run.CompletedAt = now;
        }
        await SaveAsync();
        await ArmAsync();
        Log.StatusChanged(logger, Id, State.Status.ToApiName());
        return new BroadcastOutcome(View(), null);
    }

    public async Task<BroadcastOutcome> PauseAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return NotFound();
        }
        if (State.Status != BroadcastStatus.Sending)
        {
            return BroadcastOutcome.Fail(ErrorCodes.InvalidState, $"a {State.Status.ToApiName()} broadcast cannot be paused");
        }
        await partitionsStarting;
        State.Status = BroadcastStatus.Paused;
        foreach (var run in State.Runs.Where(r => r.IsActive))
        {
            run.Status = BroadcastStatus.Paused;
            await Task.WhenAll(Partitions(run.Run, State.PartitionCount).Select(p => p.InterruptAsync()));
            await Task.WhenAll(Partitions(run.Run, State.PartitionCount).Select(p => p.PauseAsync()));
        }
        await SaveAsync();
        return new BroadcastOutcome(View(), null);
    }

    public async Task<BroadcastOutcome> ResumeAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return NotFound();
        }
        if (State.Status != BroadcastStatus.Paused)
        {
            return BroadcastOutcome.Fail(ErrorCodes.InvalidState, $"a {State.Status.ToApiName()} broadcast cannot be resumed");
        }
        State.Status = BroadcastStatus.Sending;
        foreach (var run in State.Runs.Where(r => r.IsActive))
        {
            run.Status = BroadcastStatus.Sending;
            await Task.WhenAll(Partitions(run.Run, State.PartitionCount).Select(p => p.StartAsync()));
        }
        await SaveAsync();
        EnsureFlushTimer();
        await ArmAsync();
        return new BroadcastOutcome(View(), null);
    }

    public Task<BroadcastOutcome> ApproveAsync(string clientId) => UndoingOnFailureAsync(() => ApproveOnceAsync(clientId));

    async Task<BroadcastOutcome> ApproveOnceAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return NotFound();
        }
        if (State.Status != BroadcastStatus.PendingApproval)
        {
            return BroadcastOutcome.Fail(ErrorCodes.InvalidState, $"a {State.Status.ToApiName()} broadcast needs no approval");
        }
        var before = (State.Status, State.ApprovedAt);
        State.Status = StatusOnEntry(State.Definition!.Schedule);
        State.ApprovedAt = time.GetUtcNow();
        var refused = await EnterScheduleAsync(replan: true);
        if (refused is not null)
        {
            (State.Status, State.ApprovedAt) = before;
            return BroadcastOutcome.Fail(refused);
        }
        return new BroadcastOutcome(View(), null);
    }

    public Task<BroadcastOutcome> SendNowAsync(string clientId) => UndoingOnFailureAsync(() => SendNowOnceAsync(clientId));

    async Task<BroadcastOutcome> SendNowOnceAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return NotFound();
        }
        if (State.Status is not (BroadcastStatus.Draft or BroadcastStatus.Scheduled))
        {
            return BroadcastOutcome.Fail(ErrorCodes.NotScheduled,
                $"only a draft or scheduled broadcast can be sent now; this one is {State.Status.ToApiName()}");
        }
        var before = (State.Status, State.NextRunAt);
        var recurring = State.Definition!.Schedule.Mode == ScheduleMode.Recurring;
        var refused = await StartRunAsync(State.RunCount + 1, time.GetUtcNow(), interactive: true, replan: true);
        if (refused is not null)
        {
            (State.Status, State.NextRunAt) = before;
            return BroadcastOutcome.Fail(refused);
        }
        if (recurring)
        {
            // An extra run now; the series keeps its own times.
            State.NextRunAt = before.NextRunAt;
            await SaveAsync();
            await ArmAsync();
        }
        return new BroadcastOutcome(View(), null);
    }

    /// <summary>An unfinished create belongs to no one yet: it is invisible until it commits.</summary>
    bool Owns(string clientId) => State.Exists && !State.Creating && string.Equals(State.ClientId, clientId, StringComparison.Ordinal);

    static BroadcastOutcome NotFound() => BroadcastOutcome.Fail(ErrorCodes.NotFound, "no such broadcast");
}
