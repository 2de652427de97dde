namespace BroadcastGrains.Broadcasts;

/// <summary>Cancel, pause and resume, with API.md's answers for every state.</summary>
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
        State.Status = BroadcastStatus.Cancelled;
        // Partitions answer once every message the carrier accepted is captured, so releasing after them frees
        // exactly the credits of the recipients that were never sent.
        foreach (var progress in await Task.WhenAll(Partitions().Select(p => p.CancelAsync())))
        {
            await ReportAsync(progress);
        }
        State.Released += await ReleaseRemainderAsync();
        State.CompletedAt = time.GetUtcNow();
        await broadcast.WriteStateAsync();
        await IndexAsync();
        Log.Finished(logger, Id, State.Status.ToApiName());
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
        State.Status = BroadcastStatus.Paused;
        await Task.WhenAll(Partitions().Select(p => p.PauseAsync()));
        await broadcast.WriteStateAsync();
        await IndexAsync();
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
        await broadcast.WriteStateAsync();
        await IndexAsync();
        await Task.WhenAll(Partitions().Select(p => p.StartAsync()));
        EnsureFlushTimer();
        return new BroadcastOutcome(View(), null);
    }

    bool Owns(string clientId) => State.Exists && string.Equals(State.ClientId, clientId, StringComparison.Ordinal);

    static BroadcastOutcome NotFound() => BroadcastOutcome.Fail(ErrorCodes.NotFound, "no such broadcast");
}
