using System.Diagnostics;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>Issue 13 item 8: a series whose runs come less than 15 minutes apart is refused with INVALID_RRULE.</summary>
public sealed class RecurrenceGapTests
{
    static readonly DateTimeOffset Now = new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Start = Now.AddHours(1);

    [Theory]
    [InlineData("FREQ=SECONDLY")]
    [InlineData("FREQ=SECONDLY;INTERVAL=30")]
    [InlineData("FREQ=MINUTELY")]
    [InlineData("FREQ=MINUTELY;INTERVAL=14")]
    [InlineData("FREQ=MINUTELY;INTERVAL=15;BYSECOND=0,30")]
    [InlineData("FREQ=HOURLY;BYMINUTE=0,10")]
    [InlineData("FREQ=DAILY;BYHOUR=9;BYMINUTE=0,14")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0,5,30")]
    [InlineData("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0,1")]
    public void A_rule_with_runs_under_fifteen_minutes_apart_is_refused(string rule)
    {
        var refused = ScheduleValidator.Validate(Recurring(rule), Now);

        Assert.NotNull(refused);
        Assert.Equal(ErrorCodes.InvalidRrule, refused.Code);
        Assert.Contains("15 minutes apart", refused.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FREQ=MINUTELY;INTERVAL=15")]
    [InlineData("FREQ=SECONDLY;INTERVAL=900")]
    [InlineData("FREQ=HOURLY;BYMINUTE=0,15,30,45")]
    [InlineData("FREQ=DAILY;BYHOUR=9,17")]
    [InlineData("FREQ=DAILY;COUNT=1")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE")]
    [InlineData("FREQ=YEARLY;BYMONTH=3,11;BYMONTHDAY=1")]
    public void A_rule_whose_runs_are_fifteen_minutes_apart_or_more_is_accepted(string rule)
    {
        Assert.Null(ScheduleValidator.Validate(Recurring(rule), Now));
    }

    [Fact]
    public void A_start_shortly_before_the_rules_own_times_is_not_a_gap_of_the_rule()
    {
        // DTSTART 08:55, then 09:00 daily: the rule's own runs are a day apart.
        Assert.Equal(TimeSpan.FromDays(1), RecurrenceGap.Shortest("FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0", Now.AddMinutes(55), "UTC"));
    }

    [Fact]
    public void The_gap_is_read_in_the_series_time_zone_across_a_daylight_saving_change()
    {
        // 01:30 and 02:30 New York daily: an hour apart, also on the spring-forward day when 02:30 is 03:30 EDT.
        var gap = RecurrenceGap.Shortest("FREQ=DAILY;BYHOUR=1,2;BYMINUTE=30;BYSECOND=0", new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero),
            "America/New_York");
        Assert.Equal(TimeSpan.FromHours(1), gap);
    }

    [Fact]
    public void The_sparsest_rule_is_checked_quickly()
    {
        var clock = Stopwatch.StartNew();
        Assert.Null(ScheduleValidator.Validate(Recurring("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29"), Now));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    static ScheduleSpec Recurring(string rule) =>
        ScheduleSpec.Now with { Mode = ScheduleMode.Recurring, RecurrenceRule = rule, ScheduledAt = Start };
}
