using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>Issue 13 item 1: a run up to a year ahead is armed in steps Orleans accepts, and each early wake arms the rest.</summary>
public sealed class ScheduleAlarmTests
{
    /// <summary>Orleans' grain timers and reminders refuse a due time above 2^32−2 ms.</summary>
    static readonly TimeSpan OrleansLimit = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    [InlineData(364)]
    public void A_run_months_ahead_is_armed_at_the_cap_and_reached_in_steps_each_within_Orleans_limit(int days)
    {
        var dueAt = Now.AddDays(days);
        var now = Now;
        var steps = 0;
        while (ScheduleAlarm.OnWake(dueAt, now, byReminder: true) != ScheduleWake.Start)
        {
            var delay = ScheduleAlarm.DelayUntil(dueAt, now);
            Assert.InRange(delay, TimeSpan.FromTicks(1), ScheduleAlarm.Cap);
            Assert.True(delay < OrleansLimit, $"armed {delay} ahead");
            now += delay;
            steps++;
        }
        Assert.Equal(dueAt, now);
        Assert.Equal((int)Math.Ceiling(days / ScheduleAlarm.Cap.TotalDays), steps);
    }

    [Fact]
    public void A_run_within_the_cap_is_armed_for_exactly_the_time_left()
    {
        Assert.Equal(TimeSpan.FromDays(29), ScheduleAlarm.DelayUntil(Now.AddDays(29), Now));
        Assert.Equal(TimeSpan.FromSeconds(4), ScheduleAlarm.DelayUntil(Now.AddSeconds(4), Now));
        Assert.Equal(ScheduleAlarm.Cap, ScheduleAlarm.DelayUntil(Now + ScheduleAlarm.Cap, Now));
    }

    [Fact]
    public void A_run_that_is_due_or_overdue_is_armed_for_now()
    {
        Assert.Equal(TimeSpan.Zero, ScheduleAlarm.DelayUntil(Now, Now));
        Assert.Equal(TimeSpan.Zero, ScheduleAlarm.DelayUntil(Now.AddDays(-3), Now));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_wake_at_the_due_time_or_later_starts_the_run_whoever_woke_it(bool byReminder)
    {
        Assert.Equal(ScheduleWake.Start, ScheduleAlarm.OnWake(Now, Now, byReminder));
        Assert.Equal(ScheduleWake.Start, ScheduleAlarm.OnWake(Now, Now.AddMinutes(5), byReminder));
        Assert.Equal(ScheduleWake.Start, ScheduleAlarm.OnWake(Now + ScheduleAlarm.Slack, Now, byReminder));
    }

    [Fact]
    public void An_early_reminder_arms_both_again_and_an_early_timer_or_sweep_only_the_timer()
    {
        var dueAt = Now.AddDays(60);
        var atTheCap = Now + ScheduleAlarm.Cap;

        Assert.Equal(ScheduleWake.Rearm, ScheduleAlarm.OnWake(dueAt, atTheCap, byReminder: true));
        Assert.Equal(ScheduleWake.ArmTimer, ScheduleAlarm.OnWake(dueAt, atTheCap, byReminder: false));
        // Just outside the slack is still early: a run never starts before its time by more than the slack.
        var justEarly = dueAt - ScheduleAlarm.Slack - TimeSpan.FromMilliseconds(1);
        Assert.Equal(ScheduleWake.Rearm, ScheduleAlarm.OnWake(dueAt, justEarly, byReminder: true));
    }
}
