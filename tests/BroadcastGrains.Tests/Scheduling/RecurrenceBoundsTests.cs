using BroadcastGrains.Scheduling;
using static BroadcastGrains.Tests.Scheduling.Runs;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>COUNT, UNTIL, the exclusive <c>after</c> and <c>max</c>. 2027-01-01 is a Friday.</summary>
public class RecurrenceBoundsTests
{
    [Fact]
    public void Count_ends_the_series_after_that_many_runs_dtstart_included()
    {
        Equal(FromStart("FREQ=DAILY;COUNT=3", "2027-01-10T09:00:00Z", "UTC", 10),
            "2027-01-10T09:00:00Z", "2027-01-11T09:00:00Z", "2027-01-12T09:00:00Z");
        Assert.Empty(Recurrence.Next("FREQ=DAILY;COUNT=3", Utc("2027-01-10T09:00:00Z"), "UTC", Utc("2027-01-12T09:00:00Z"), 10));
    }

    [Fact]
    public void Count_counts_a_dtstart_the_rule_does_not_match_as_the_first_run()
    {
        // DTSTART Tue Jan 5 (Jan 1 Fri + 4); the Mondays after it are Jan 11 and 18. RFC 5545: DTSTART always counts as
        // the first occurrence, so COUNT=3 is Jan 5, 11, 18.
        Equal(FromStart("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "2027-01-05T09:00:00Z", "UTC", 10),
            "2027-01-05T09:00:00Z", "2027-01-11T09:00:00Z", "2027-01-18T09:00:00Z");
    }

    [Fact]
    public void Until_in_utc_ends_the_series_and_includes_a_run_exactly_at_it()
    {
        // Daily 02:30 New York from Mar 13 (EST, 07:30Z); Mar 14 is 03:30 EDT (07:30Z); Mar 15 and 16 are 06:30Z, the
        // last exactly at UNTIL.
        Equal(FromStart("FREQ=DAILY;UNTIL=20270316T063000Z", "2027-03-13T07:30:00Z", NewYork, 10),
            "2027-03-13T07:30:00Z", "2027-03-14T07:30:00Z", "2027-03-15T06:30:00Z", "2027-03-16T06:30:00Z");
    }

    [Fact]
    public void Until_as_a_date_keeps_the_whole_of_that_local_day()
    {
        // 23:00 EST daily from Jan 13 (04:00Z the next day). The run on the local 15th is at Jan 16 04:00Z and is kept;
        // the local 16th's is not.
        Equal(FromStart("FREQ=DAILY;UNTIL=20270115", "2027-01-14T04:00:00Z", NewYork, 10),
            "2027-01-14T04:00:00Z", "2027-01-15T04:00:00Z", "2027-01-16T04:00:00Z");
    }

    [Fact]
    public void After_is_exclusive()
    {
        var start = Utc("2027-01-10T09:00:00Z");
        Equal(Recurrence.Next("FREQ=DAILY", start, "UTC", Utc("2027-01-11T09:00:00Z"), 1), "2027-01-12T09:00:00Z");
        Equal(Recurrence.Next("FREQ=DAILY", start, "UTC", Utc("2027-01-11T08:59:59Z"), 1), "2027-01-11T09:00:00Z");
    }

    [Fact]
    public void Max_limits_the_runs_returned()
    {
        Equal(FromStart("FREQ=DAILY", "2027-01-10T09:00:00Z", "UTC", 2), "2027-01-10T09:00:00Z", "2027-01-11T09:00:00Z");
        Assert.Empty(FromStart("FREQ=DAILY", "2027-01-10T09:00:00Z", "UTC", 0));
    }

    [Fact]
    public void A_minutely_series_months_after_its_start_continues_on_its_own_steps()
    {
        // Every 7 minutes from Jan 1 00:00:03. Jun 1 12:00 is 151 days (31+28+31+30+31) and 12 h later = 218,160 minutes;
        // 218,160 / 7 = 31,165.7, so the next step is 31,166 × 7 = 218,162 minutes: Jun 1 12:02:03, then 12:09:03.
        Equal(Recurrence.Next("FREQ=MINUTELY;INTERVAL=7", Utc("2027-01-01T00:00:03Z"), "UTC", Utc("2027-06-01T12:00:00Z"), 2),
            "2027-06-01T12:02:03Z", "2027-06-01T12:09:03Z");
    }

    [Fact]
    public void A_rule_that_never_matches_ends_after_dtstart_instead_of_searching_forever()
    {
        // February has no 30th: a yearly search runs out of calendar, a daily one out of patience.
        Equal(FromStart("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2027-01-10T09:00:00Z", "UTC", 3), "2027-01-10T09:00:00Z");
        Equal(FromStart("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "2027-01-10T09:00:00Z", "UTC", 3), "2027-01-10T09:00:00Z");
    }

    [Fact]
    public void Dtstart_is_read_on_the_zone_clock_whatever_offset_it_was_given_with()
    {
        // 14:00Z written as 09:00-05:00: the same instant, so the same series (09:00 EST daily).
        Assert.Equal(
            FromStart("FREQ=DAILY", "2027-01-10T14:00:00Z", NewYork, 3),
            Recurrence.Next("FREQ=DAILY", DateTimeOffset.Parse("2027-01-10T09:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture),
                NewYork, Utc("2027-01-10T13:59:59Z"), 3));
    }

    [Fact]
    public void An_unvalidated_rule_or_zone_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => FromStart("FREQ=SOMETIMES", "2027-01-10T09:00:00Z", "UTC", 1));
        Assert.Throws<ArgumentException>(() => FromStart("FREQ=DAILY", "2027-01-10T09:00:00Z", "Mars/Olympus_Mons", 1));
    }
}
