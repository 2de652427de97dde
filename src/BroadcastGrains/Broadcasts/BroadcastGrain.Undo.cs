using BroadcastGrains.Limits;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// API.md: a 5xx leaves nothing behind. Create, approve, send-now and a due run either commit (the save that records
/// the run, or the new status) or are undone: the state as it was, the hold released, and for a create its partitions,
/// quota and index row gone. Before asking the wallet for a hold the broadcast stores a marker (the state to go back to
/// with the <see cref="PendingHold"/>; a create is stored <see cref="BroadcastState.Creating"/>), so an undo cut short
/// by a failure or a dead silo is finished by the next command or by the sweep, which tracks a broadcast with a marker.
/// </summary>
internal sealed partial class BroadcastGrain
{
    /// <summary>The state before the running command: what a failure goes back to.</summary>
    BroadcastState? _beforeCommand;

    /// <summary>The hold the running command asked for; once the save commits, the run records it.</summary>
    PendingHold? _holdInFlight;

    async Task<BroadcastOutcome> UndoingOnFailureAsync(Func<Task<BroadcastOutcome>> command)
    {
        if (_beforeCommand is not null)
        {
            return await command();
        }
        await FinishUndoAsync();
        _beforeCommand = copier.Copy(State);
        try
        {
            return await command();
        }
        catch (Exception failure)
        {
            await UndoAsync(_beforeCommand, failure);
            throw;
        }
        finally
        {
            (_beforeCommand, _holdInFlight) = (null, null);
        }
    }

    /// <summary>Stores what a crash after this point must undo: the hold about to be asked for (or, with null, that none is).</summary>
    async Task StoreMarkerAsync(PendingHold? pending)
    {
        _holdInFlight = pending;
        var marker = copier.Copy(CommandUndo.MarkerBase(State, _beforeCommand));
        marker.PendingHold = pending;
        if (pending is not null)
        {
            await TrackForSweepAsync(undoPending: true);
        }
        var working = broadcast.State;
        broadcast.State = marker;
        try
        {
            await broadcast.WriteStateAsync();
        }
        finally
        {
            broadcast.State = working;
        }
    }

    async Task UndoAsync(BroadcastState before, Exception failure)
    {
        var pending = _holdInFlight;
        switch (CommandUndo.StepFor(before, State))
        {
            case UndoStep.NothingStored:
                DeactivateOnIdle();
                return;
            case UndoStep.RestoreBefore:
                broadcast.State = before;
                break;
            case UndoStep.RollBackCreate:
                State.Creating = true;
                break;
        }
        State.PendingHold = pending;
        BroadcastLog.Undoing(logger, Id, failure.GetType().Name);
        try
        {
            // Stored first, over whatever the command stored: releasing the hold while a committed run is still stored
            // would let a later wake send on credits no longer held.
            await broadcast.WriteStateAsync();
            await RollBackAsync();
        }
        catch (Exception e)
        {
            // Memory may not match the storage now; the next activation reads the marker and the sweep finishes the undo.
            BroadcastLog.UndoFailed(logger, Id, e);
            DeactivateOnIdle();
        }
    }

    /// <summary>Finishes an undo the stored state still carries: a failure or a crash cut it short.</summary>
    Task FinishUndoAsync() => CommandUndo.IsPending(State) ? RollBackAsync() : Task.CompletedTask;

    async Task RollBackAsync()
    {
        if (State.PendingHold is { } pending)
        {
            // Releases what the wallet holds for that run: nothing when the hold never arrived.
            await GrainFactory.GetGrain<IWalletGrain>(State.ClientId!).ReleaseRemainderAsync(pending.UndoOperationId, Id, pending.Run);
            await ReleaseAllRunQuotaAsync(pending.Run);
            await DiscardClonesAsync(pending.Run, State.RunOf(pending.Run)?.Partitions.Length ?? State.PartitionCount);
        }
        var index = GrainFactory.GetGrain<IClientBroadcastsGrain>(State.ClientId!);
        var creating = State.Creating;
        if (creating)
        {
            await DiscardAsync(State);
            await ReleaseAllRunQuotaAsync(FirstRun);
            await index.RemoveAsync(Id);
        }
        broadcast.State = CommandUndo.RolledBack(State);
        await broadcast.WriteStateAsync();
        if (creating)
        {
            _runTimer?.Dispose();
            _runTimer = null;
        }
        else
        {
            await index.UpsertAsync(Id, State.Status, State.CreatedAt);
            await ArmAsync();
        }
        await TrackForSweepAsync();
    }
}
