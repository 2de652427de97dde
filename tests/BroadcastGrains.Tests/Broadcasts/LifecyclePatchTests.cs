using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>PATCH: the merge of a change, when it is priced again, and where it leaves the broadcast.</summary>
public sealed class LifecyclePatchTests
{
    static readonly ApprovalThresholds Thresholds = new(Recipients: 100, Credits: 10m);

    [Fact]
    public void Fields_given_replace_the_stored_ones_and_fields_left_out_keep_them()
    {
        var before = States.Of(BroadcastStatus.Draft, States.Schedule(ScheduleMode.Scheduled, States.Now.AddHours(1))).Definition!;

        var after = PatchRule.Apply(before, new BroadcastPatch { Body = "Changed", Timezone = "Europe/Berlin", ValidityMinutes = 30 });

        Assert.Equal(("launch", "ACME", "Changed", 30), (after.Name, after.From, after.Body, after.ValidityMinutes));
        Assert.Equal((ScheduleMode.Scheduled, States.Now.AddHours(1), "Europe/Berlin"),
            (after.Schedule.Mode, after.Schedule.ScheduledAt, after.Schedule.Timezone));
    }

    [Fact]
    public void Only_a_changed_message_of_a_broadcast_that_never_ran_is_priced_again()
    {
        var state = States.Of(BroadcastStatus.Scheduled);
        var lifecycle = new BroadcastLifecycle(state);

        Assert.False(lifecycle.NeedsReplan(PatchRule.Apply(state.Definition!, new BroadcastPatch { Name = "renamed" })));
        Assert.True(lifecycle.NeedsReplan(PatchRule.Apply(state.Definition!, new BroadcastPatch { Body = "Changed" })));
        Assert.True(lifecycle.NeedsReplan(PatchRule.Apply(state.Definition!, new BroadcastPatch { ScheduleMode = ScheduleMode.Drip })));

        state.Runs.Add(States.Run(1, BroadcastStatus.Completed, done: true));
        Assert.False(lifecycle.NeedsReplan(PatchRule.Apply(state.Definition!, new BroadcastPatch { Body = "Changed" })));
    }

    [Fact]
    public void A_patch_that_moves_the_estimate_above_a_threshold_goes_back_for_approval()
    {
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Scheduled, States.Now.AddHours(1)), credits: 20m);

        new BroadcastLifecycle(state).Patch(state.Definition!, Thresholds, creditsBefore: 5m, States.Now);

        Assert.Equal((BroadcastStatus.PendingApproval, true), (state.Status, state.RequiresApproval));
    }

    [Fact]
    public void Changing_the_body_of_an_approved_broadcast_withdraws_its_approval()
    {
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Scheduled, States.Now.AddHours(1)));
        state.ApprovedAt = States.Now.AddHours(-1);

        new BroadcastLifecycle(state).Patch(state.Definition! with { Body = "Other" }, Thresholds, creditsBefore: 1m, States.Now);

        Assert.Equal((BroadcastStatus.PendingApproval, true, null), (state.Status, state.RequiresApproval, state.ApprovedAt));
        Assert.Equal("Other", state.Definition!.Body);
    }

    [Fact]
    public void A_patch_never_starts_sending_a_schedule_that_would_send_at_once_is_scheduled()
    {
        var state = States.Of(BroadcastStatus.Draft, States.Schedule(ScheduleMode.Draft));
        var drip = state.Definition! with { Schedule = States.Schedule(ScheduleMode.Drip) };

        new BroadcastLifecycle(state).Patch(drip, null, creditsBefore: 1m, States.Now);

        Assert.Equal((BroadcastStatus.Scheduled, null), (state.Status, state.NextRunAt));
    }

    [Fact]
    public void A_series_that_already_ran_takes_its_next_run_after_now_from_the_changed_rule()
    {
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Recurring, States.Now.AddHours(-3), States.EveryHour));
        state.Runs.Add(States.Run(1, BroadcastStatus.Completed, done: true));
        var daily = state.Definition! with { Schedule = state.Definition.Schedule with { RecurrenceRule = "FREQ=DAILY" } };

        new BroadcastLifecycle(state).Patch(daily, null, creditsBefore: 1m, States.Now);

        Assert.Equal((BroadcastStatus.Scheduled, States.Now.AddHours(21)), (state.Status, state.NextRunAt));
    }
}
