using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>What each allowed lifecycle command changes in the broadcast's state.</summary>
public sealed class LifecycleChangeTests
{
    static readonly ApprovalThresholds Thresholds = new(Recipients: 100, Credits: 10m);

    [Fact]
    public void A_create_above_a_threshold_waits_for_approval_and_one_below_goes_where_its_schedule_says()
    {
        var above = States.Of(BroadcastStatus.Draft, States.Schedule(ScheduleMode.Scheduled, States.Now.AddHours(2)), recipients: 101);
        var below = States.Of(BroadcastStatus.Draft, States.Schedule(ScheduleMode.Scheduled, States.Now.AddHours(2)), recipients: 100);

        new BroadcastLifecycle(above).EnterPlanned(Thresholds);
        new BroadcastLifecycle(below).EnterPlanned(Thresholds);

        Assert.Equal((BroadcastStatus.PendingApproval, true, States.Now.AddHours(2)), (above.Status, above.RequiresApproval, above.NextRunAt));
        Assert.Equal((BroadcastStatus.Scheduled, false, States.Now.AddHours(2)), (below.Status, below.RequiresApproval, below.NextRunAt));
    }

    [Fact]
    public void A_series_without_scheduled_at_is_pinned_to_its_first_run_after_creation()
    {
        var state = States.Of(BroadcastStatus.Draft, States.Schedule(ScheduleMode.Recurring, rule: States.EveryHour));
        state.CreatedAt = States.Now.AddSeconds(30);

        new BroadcastLifecycle(state).EnterPlanned(null);

        Assert.Equal(States.Now.AddHours(1), state.NextRunAt);
        Assert.Equal(States.Now.AddHours(1), state.Definition!.Schedule.ScheduledAt);
    }

    [Theory]
    [InlineData(BroadcastStatus.Sending, 0, true)]
    [InlineData(BroadcastStatus.Scheduled, -1, true)]
    [InlineData(BroadcastStatus.Scheduled, 1, false)]
    [InlineData(BroadcastStatus.Draft, -1, false)]
    [InlineData(BroadcastStatus.PendingApproval, -1, false)]
    public void On_entry_only_a_sending_or_due_broadcast_starts_a_run(BroadcastStatus status, int dueInMinutes, bool starts)
    {
        var state = States.Of(status);
        state.NextRunAt = dueInMinutes == 0 ? null : States.Now.AddMinutes(dueInMinutes);

        var due = new BroadcastLifecycle(state).RunDueOnEntry(States.Now);

        Assert.Equal(starts ? state.NextRunAt ?? States.Now : null, due);
    }

    [Fact]
    public void Cancel_ends_the_broadcast_and_answers_only_its_active_runs()
    {
        var state = States.Of(BroadcastStatus.Sending, States.Schedule(ScheduleMode.Recurring, States.Now, States.EveryHour));
        state.Runs.AddRange([States.Run(1, BroadcastStatus.Completed, done: true), States.Run(2, BroadcastStatus.Sending)]);
        state.NextRunAt = States.Now.AddHours(2);

        var active = new BroadcastLifecycle(state).Cancel(States.Now);

        Assert.Equal(2, Assert.Single(active).Run);
        Assert.Equal((BroadcastStatus.Cancelled, null, States.Now), (state.Status, state.NextRunAt, state.CompletedAt));
    }

    [Fact]
    public void Pause_and_resume_move_the_broadcast_and_its_active_runs_together()
    {
        var state = States.Of(BroadcastStatus.Sending);
        state.Runs.AddRange([States.Run(1, BroadcastStatus.Completed, done: true), States.Run(2, BroadcastStatus.Sending)]);
        var lifecycle = new BroadcastLifecycle(state);

        var paused = lifecycle.Pause();
        Assert.Equal((BroadcastStatus.Paused, BroadcastStatus.Paused, BroadcastStatus.Completed), (state.Status, state.Runs[1].Status, state.Runs[0].Status));
        Assert.Equal(2, Assert.Single(paused).Run);

        var resumed = lifecycle.Resume();
        Assert.Equal((BroadcastStatus.Sending, BroadcastStatus.Sending), (state.Status, state.Runs[1].Status));
        Assert.Equal(2, Assert.Single(resumed).Run);
    }

    [Theory]
    [InlineData(ScheduleMode.Now, BroadcastStatus.Sending)]
    [InlineData(ScheduleMode.Draft, BroadcastStatus.Draft)]
    [InlineData(ScheduleMode.Scheduled, BroadcastStatus.Scheduled)]
    public void Approval_signs_off_and_a_refused_start_restores_exactly_what_it_changed(ScheduleMode mode, BroadcastStatus approvedTo)
    {
        var state = States.Of(BroadcastStatus.PendingApproval, States.Schedule(mode, mode == ScheduleMode.Scheduled ? States.Now.AddHours(1) : null));
        state.NextRunAt = state.Definition!.Schedule.ScheduledAt;
        var lifecycle = new BroadcastLifecycle(state);

        var before = lifecycle.Approve(States.Now);
        Assert.Equal((approvedTo, States.Now), (state.Status, state.ApprovedAt));

        lifecycle.Restore(before);
        Assert.Equal((BroadcastStatus.PendingApproval, null), (state.Status, state.ApprovedAt));
        Assert.Equal(state.Definition.Schedule.ScheduledAt, state.NextRunAt);
    }

    [Fact]
    public void A_send_now_of_a_series_is_an_extra_run_that_keeps_the_series_own_next_run()
    {
        // The series' 08:30 run is due but not started yet (its wake is on the way) when the client sends now.
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Recurring, States.Now.AddMinutes(-30), States.EveryHour));
        state.NextRunAt = States.Now.AddMinutes(-30);
        var lifecycle = new BroadcastLifecycle(state);
        var before = lifecycle.Mark();

        lifecycle.Runs.Started(lifecycle.Runs.Next, States.Now, States.Now, 1m, state.Prepared);
        Assert.Equal(States.Now.AddMinutes(30), state.NextRunAt);
        lifecycle.KeepSeriesTimes(before);

        Assert.Equal((BroadcastStatus.Sending, States.Now.AddMinutes(-30)), (state.Status, state.NextRunAt));
    }
}
