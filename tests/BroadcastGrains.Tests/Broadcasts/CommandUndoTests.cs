using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>The decisions of an undo: what a failed command goes back to and what is left once it is undone.</summary>
public sealed class CommandUndoTests
{
    [Fact]
    public void A_failed_command_is_undone_by_what_it_found_and_left()
    {
        var none = new BroadcastState();
        var stored = States.Of(BroadcastStatus.Scheduled);

        Assert.Equal(UndoStep.NothingStored, CommandUndo.StepFor(none, new BroadcastState()));
        Assert.Equal(UndoStep.RollBackCreate, CommandUndo.StepFor(none, stored));
        Assert.Equal(UndoStep.RestoreBefore, CommandUndo.StepFor(stored, States.Of(BroadcastStatus.Sending)));
    }

    [Fact]
    public void A_rolled_back_create_frees_the_id_and_the_next_hold_gets_a_fresh_operation_id()
    {
        var creating = States.Of(BroadcastStatus.Sending);
        (creating.Creating, creating.HoldAttempts, creating.PendingHold) = (true, 2, new PendingHold(1, 2, "b-1"));

        var after = CommandUndo.RolledBack(creating);

        Assert.False(after.Exists);
        Assert.Equal(3, after.HoldAttempts);
        Assert.NotEqual(new PendingHold(1, 2, "b-1").OperationId, new PendingHold(1, after.HoldAttempts, "b-1").OperationId);
        Assert.False(CommandUndo.IsPending(after));
    }

    [Fact]
    public void A_rolled_back_run_keeps_the_broadcast_without_its_marker()
    {
        var state = States.Of(BroadcastStatus.Scheduled);
        state.PendingHold = new PendingHold(2, 0, "b-1");
        Assert.True(CommandUndo.IsPending(state));

        var after = CommandUndo.RolledBack(state);

        Assert.Same(state, after);
        Assert.Equal((BroadcastStatus.Scheduled, null, 1), (after.Status, after.PendingHold, after.HoldAttempts));
        Assert.False(CommandUndo.IsPending(after));
    }

    [Fact]
    public void The_marker_holds_the_state_to_go_back_to_unless_a_create_is_being_made()
    {
        var before = States.Of(BroadcastStatus.Scheduled);
        var working = States.Of(BroadcastStatus.Sending);

        Assert.Same(before, CommandUndo.MarkerBase(working, before));
        Assert.Same(working, CommandUndo.MarkerBase(working, null));
        working.Creating = true;
        Assert.Same(working, CommandUndo.MarkerBase(working, before));
    }

    [Fact]
    public void A_retried_create_is_answered_only_for_the_same_client_and_the_same_body()
    {
        var state = States.Of(BroadcastStatus.Scheduled);
        state.RequestHash = [1, 2, 3];

        Assert.Null(CommandUndo.RefuseRetriedCreate(state, "client-1", [1, 2, 3]));
        Assert.Equal(ErrorCodes.InvalidState, CommandUndo.RefuseRetriedCreate(state, "client-1", [1, 2, 4])?.Code);
        Assert.Equal(ErrorCodes.InvalidState, CommandUndo.RefuseRetriedCreate(state, "client-1", null)?.Code);
        Assert.Equal(ErrorCodes.InvalidState, CommandUndo.RefuseRetriedCreate(state, "client-2", [1, 2, 3])?.Code);
        state.RequestHash = null;
        Assert.Null(CommandUndo.RefuseRetriedCreate(state, "client-1", null));
    }
}
