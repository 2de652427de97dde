namespace BroadcastGrains.Broadcasts;

/// <summary>
/// API.md: a 5xx leaves nothing behind. The decisions of an undo, without the calls: what a failed command goes back
/// to, what the stored marker holds, and what the state is once the undo is done. The grain releases the hold, the
/// quota and the partitions in between.
/// </summary>
internal static class CommandUndo
{
    /// <summary>A stored state that still carries an undo to finish: a create not committed, or a hold no run records.</summary>
    public static bool IsPending(BroadcastState state) => state.Creating || state.PendingHold is not null;

    /// <summary>
    /// What the marker stored before a wallet call holds: the state to go back to, or for a create the create itself
    /// (stored <see cref="BroadcastState.Creating"/>, so its rollback removes it), or the state now outside a command.
    /// </summary>
    public static BroadcastState MarkerBase(BroadcastState state, BroadcastState? beforeCommand) =>
        state.Creating || beforeCommand is null ? state : beforeCommand;

    /// <summary>How a command that failed is undone, from the state before it and the state it left.</summary>
    public static UndoStep StepFor(BroadcastState before, BroadcastState now) =>
        !before.Exists && !now.Exists ? UndoStep.NothingStored
        : before.Exists ? UndoStep.RestoreBefore
        : UndoStep.RollBackCreate;

    /// <summary>
    /// The state once the rollback released what it must: a create is gone (the id free again), anything else keeps
    /// its state without the marker. Either way the next hold gets a fresh operation id, as the wallet answers a used
    /// one "held" without holding.
    /// </summary>
    public static BroadcastState RolledBack(BroadcastState state)
    {
        if (state.Creating)
        {
            return new BroadcastState { HoldAttempts = state.HoldAttempts + 1 };
        }
        (state.PendingHold, state.HoldAttempts) = (null, state.HoldAttempts + 1);
        return state;
    }

    /// <summary>A create of an id that exists answers the first one only for the same client and the same request body.</summary>
    public static BroadcastError? RefuseRetriedCreate(BroadcastState state, string clientId, byte[]? requestHash) =>
        string.Equals(state.ClientId, clientId, StringComparison.Ordinal) && SameRequest(state.RequestHash, requestHash)
            ? null
            : new BroadcastError(ErrorCodes.InvalidState, "this broadcast id is taken");

    static bool SameRequest(byte[]? stored, byte[]? asked) =>
        stored is null ? asked is null : asked is not null && stored.AsSpan().SequenceEqual(asked);
}
