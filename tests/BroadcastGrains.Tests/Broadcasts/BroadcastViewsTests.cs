using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>What a client reads: totals that include dropped runs, the run it reads recipients of, no next run once over.</summary>
public sealed class BroadcastViewsTests
{
    [Fact]
    public void Credits_add_the_runs_kept_and_the_runs_dropped_from_state()
    {
        var state = States.Of(BroadcastStatus.Scheduled);
        (state.Dropped.Runs, state.Dropped.Captured, state.Dropped.Refunded, state.Dropped.StillHeld) = (100, 40m, 2m, 0.5m);
        var run = States.Run(101, BroadcastStatus.Sending);
        run.Partitions = [new PartitionProgress(0, 3, new long[RecipientStatuses.Count], 0.75m, 0.25m, false, 101)];
        state.Runs.Add(run);

        var view = BroadcastViews.Of("b-1", state);

        Assert.Equal((40.75m, 2.25m, 0.5m + 0.25m, 101), (view.SpentCredits, view.RefundedCredits, view.HeldCredits, view.Runs));
    }

    [Fact]
    public void Recipients_are_read_from_the_latest_run_that_has_partitions_else_the_prepared_ones()
    {
        var state = States.Of(BroadcastStatus.Scheduled);
        Assert.Equal(1, BroadcastViews.ShownRun(state).Run);
        Assert.Equal(10, BroadcastViews.Of("b-1", state).DrSummary.Pending);

        state.Runs.AddRange([States.Run(1, BroadcastStatus.Completed, done: true, cancelled: 4), new RunState { Run = 2, Status = BroadcastStatus.Skipped }]);

        Assert.Equal(1, BroadcastViews.ShownRun(state).Run);
        Assert.Equal((0, 4), (BroadcastViews.Of("b-1", state).DrSummary.Pending, BroadcastViews.Of("b-1", state).DrSummary.Cancelled));
    }

    [Theory]
    [InlineData(BroadcastStatus.Scheduled, true)]
    [InlineData(BroadcastStatus.Paused, true)]
    [InlineData(BroadcastStatus.Completed, false)]
    [InlineData(BroadcastStatus.Cancelled, false)]
    [InlineData(BroadcastStatus.Failed, false)]
    public void A_broadcast_that_is_over_shows_no_next_or_upcoming_run(BroadcastStatus status, bool shown)
    {
        var state = States.Of(status, States.Schedule(ScheduleMode.Recurring, States.Now, States.EveryHour));
        state.NextRunAt = States.Now.AddHours(1);

        var view = BroadcastViews.Of("b-1", state);

        Assert.Equal(shown ? States.Now.AddHours(1) : null, view.NextRunAt);
        Assert.Equal(shown ? 5 : 0, view.UpcomingRuns.Count);
    }
}
