using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>The run book: runs started, failed, skipped and settled, and what each does to the broadcast.</summary>
public sealed class BroadcastRunsTests
{
    static BroadcastState Series(DateTimeOffset start, int validityMinutes = 60)
    {
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Recurring, start, States.EveryHour));
        state.Definition = state.Definition! with { ValidityMinutes = validityMinutes };
        state.NextRunAt = start;
        return state;
    }

    [Fact]
    public void A_started_run_holds_its_credits_and_moves_the_series_on()
    {
        var state = Series(States.Now);
        var runs = new BroadcastRuns(state);

        var run = runs.Started(runs.Next, States.Now, States.Now, 3m, state.Prepared);

        Assert.Equal((1, BroadcastStatus.Sending, 3m, 3m), (run.Run, run.Status, run.Held, run.StillHeld));
        Assert.All(run.Partitions, p => Assert.Equal(1, p!.Run));
        Assert.Equal((BroadcastStatus.Sending, States.Now, States.Now.AddHours(1)), (state.Status, state.StartedAt, state.NextRunAt));
        Assert.Equal(2, runs.Next);
    }

    [Fact]
    public void A_one_off_run_that_fails_fails_the_broadcast_with_its_reason()
    {
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Scheduled, States.Now));
        state.NextRunAt = States.Now;

        new BroadcastRuns(state).Failed(1, States.Now, States.Now, "insufficient credits");

        Assert.Equal((BroadcastStatus.Failed, "insufficient credits", null), (state.Status, state.FailureReason, state.NextRunAt));
        Assert.Equal(BroadcastStatus.Failed, Assert.Single(state.Runs).Status);
    }

    [Fact]
    public void A_failed_run_of_a_series_keeps_later_runs_scheduled()
    {
        var state = Series(States.Now);

        new BroadcastRuns(state).Failed(1, States.Now, States.Now, "insufficient credits");

        Assert.Equal((BroadcastStatus.Scheduled, States.Now.AddHours(1)), (state.Status, state.NextRunAt));
    }

    [Fact]
    public void A_series_whose_last_run_fails_ends_completed_when_any_run_completed_even_a_dropped_one()
    {
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Recurring, States.Now, "FREQ=HOURLY;COUNT=2"));
        state.Dropped.Runs = 1;
        state.Dropped.Completed = 1;
        state.NextRunAt = States.Now.AddHours(1);

        new BroadcastRuns(state).Failed(2, States.Now.AddHours(1), States.Now.AddHours(1), "over quota");

        Assert.Equal((BroadcastStatus.Completed, null), (state.Status, state.FailureReason));
        Assert.Equal(2, state.Runs.Single().Run);
    }

    [Fact]
    public void Runs_missed_beyond_their_validity_are_skipped_and_the_newest_due_one_starts()
    {
        // Down from 03:00 to 09:00: the 03:00..08:00 runs are out of their hour, 09:00 is due now.
        var state = Series(States.Now.AddHours(-6));

        var (skipped, start) = new BroadcastRuns(state).SkipMissed(States.Now);

        Assert.Equal((6, States.Now), (skipped, start));
        Assert.All(state.Runs, r => Assert.Equal((BroadcastStatus.Skipped, BroadcastRuns.SkippedReason), (r.Status, r.FailureReason)));
        Assert.Equal(Enumerable.Range(1, 6), state.Runs.Select(r => r.Run));
        Assert.Equal(BroadcastStatus.Scheduled, state.Status);
    }

    [Fact]
    public void An_outage_of_weeks_skips_every_missed_run_in_batches_keeping_the_newest_hundred()
    {
        // Hourly at half past, down for 30 days: 719 runs missed (more than three batches), the 08:30 one is still valid.
        var state = Series(States.Now.AddDays(-30).AddMinutes(30));

        var (skipped, start) = new BroadcastRuns(state).SkipMissed(States.Now);

        Assert.True(skipped > 3 * BroadcastRuns.SkipBatch);
        Assert.Equal((30 * 24 - 1, States.Now.AddMinutes(-30)), (skipped, start));
        Assert.Equal(30 * 24 - 1, state.RunCount);
        Assert.Equal(BroadcastState.RunsKept, state.Runs.Count);
        Assert.Equal(States.Now.AddMinutes(-30), state.NextRunAt);
    }

    [Fact]
    public void A_one_off_run_missed_beyond_its_validity_fails_the_broadcast()
    {
        var state = States.Of(BroadcastStatus.Scheduled, States.Schedule(ScheduleMode.Scheduled, States.Now.AddHours(-2)));
        state.NextRunAt = States.Now.AddHours(-2);

        var (skipped, start) = new BroadcastRuns(state).SkipMissed(States.Now);

        Assert.Equal((1, null), (skipped, start));
        Assert.Equal((BroadcastStatus.Failed, States.Now), (state.Status, state.CompletedAt));
    }

    [Theory]
    [InlineData(false, BroadcastStatus.Completed)]
    [InlineData(true, BroadcastStatus.Scheduled)]
    public void The_last_active_run_settling_ends_the_sending(bool seriesGoesOn, BroadcastStatus after)
    {
        var state = States.Of(BroadcastStatus.Sending);
        var run = States.Run(1, BroadcastStatus.Sending, done: true);
        state.Runs.Add(run);
        state.NextRunAt = seriesGoesOn ? States.Now.AddHours(1) : null;

        Assert.True(new BroadcastRuns(state).Finished(run, 0.25m, States.Now));

        Assert.Equal((BroadcastStatus.Completed, 0.25m, States.Now), (run.Status, run.Released, run.CompletedAt));
        Assert.Equal(after, state.Status);
        Assert.Equal(seriesGoesOn ? null : States.Now, state.CompletedAt);
    }

    [Fact]
    public void A_run_settling_while_another_sends_or_after_a_cancel_leaves_the_broadcast_as_it_is()
    {
        var state = States.Of(BroadcastStatus.Sending);
        var first = States.Run(1, BroadcastStatus.Sending, done: true);
        state.Runs.AddRange([first, States.Run(2, BroadcastStatus.Sending)]);
        Assert.False(new BroadcastRuns(state).Finished(first, 0m, States.Now));
        Assert.Equal(BroadcastStatus.Sending, state.Status);

        var cancelled = States.Of(BroadcastStatus.Cancelled);
        var run = States.Run(1, BroadcastStatus.Cancelled, done: true);
        cancelled.Runs.Add(run);
        Assert.False(new BroadcastRuns(cancelled).Finished(run, 0m, States.Now));
        Assert.Equal((BroadcastStatus.Cancelled, BroadcastStatus.Cancelled), (cancelled.Status, run.Status));
    }
}
