using static BroadcastGrains.Tests.Scheduling.Runs;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>
/// Local times that do not exist or exist twice (RFC 5545 §3.3.5, §3.3.10). New York springs forward on
/// 2027-03-14 at 02:00 EST (07:00Z) to 03:00 EDT and falls back on 2027-11-07 at 02:00 EDT (06:00Z) to 01:00 EST.
/// Berlin springs forward on 2027-03-28 at 02:00 CET (01:00Z) and falls back on 2027-10-31 at 03:00 CEST (01:00Z).
/// </summary>
public class RecurrenceDaylightSavingTests
{
    [Fact]
    public void Daily_0230_in_new_york_reads_the_missing_time_with_the_offset_from_before_the_gap()
    {
        // From Fri Mar 12 02:30 EST (07:30Z). Mar 13 02:30 EST = 07:30Z. Mar 14 02:30 does not exist: read at −5 it is
        // 07:30Z, which the clock shows as 03:30 EDT. Mar 15 and 16 02:30 EDT = 06:30Z.
        Equal(AfterStart("FREQ=DAILY", "2027-03-12T07:30:00Z", NewYork, 4),
            "2027-03-13T07:30:00Z", "2027-03-14T07:30:00Z", "2027-03-15T06:30:00Z", "2027-03-16T06:30:00Z");
    }

    [Fact]
    public void Daily_0230_in_berlin_reads_the_missing_time_with_the_offset_from_before_the_gap()
    {
        // From Fri Mar 26 02:30 CET (01:30Z). Mar 27 02:30 CET = 01:30Z. Mar 28 02:30 does not exist: read at +1 it is
        // 01:30Z = 03:30 CEST. Mar 29 02:30 CEST = 00:30Z.
        Equal(AfterStart("FREQ=DAILY", "2027-03-26T01:30:00Z", Berlin, 3),
            "2027-03-27T01:30:00Z", "2027-03-28T01:30:00Z", "2027-03-29T00:30:00Z");
    }

    [Fact]
    public void Daily_0130_in_new_york_takes_the_first_of_the_two_on_the_fall_back_day()
    {
        // From Fri Nov 5 01:30 EDT (05:30Z). Nov 6 01:30 EDT = 05:30Z. Nov 7 01:30 happens at 05:30Z (EDT) and again
        // at 06:30Z (EST): the first. Nov 8 01:30 EST = 06:30Z.
        Equal(AfterStart("FREQ=DAILY", "2027-11-05T05:30:00Z", NewYork, 3),
            "2027-11-06T05:30:00Z", "2027-11-07T05:30:00Z", "2027-11-08T06:30:00Z");
    }

    [Fact]
    public void Daily_0230_in_berlin_takes_the_first_of_the_two_on_the_fall_back_day()
    {
        // From Fri Oct 29 02:30 CEST (00:30Z). Oct 30 = 00:30Z. Oct 31 02:30 happens at 00:30Z (CEST) and 01:30Z (CET):
        // the first. Nov 1 02:30 CET = 01:30Z.
        Equal(AfterStart("FREQ=DAILY", "2027-10-29T00:30:00Z", Berlin, 3),
            "2027-10-30T00:30:00Z", "2027-10-31T00:30:00Z", "2027-11-01T01:30:00Z");
    }

    [Fact]
    public void Yearly_at_0230_on_the_second_sunday_of_march_is_0330_edt_every_year()
    {
        // DTSTART New Year's Day 2027 00:00 EST (05:00Z). The second Sundays of March (Mar 14 2027, Mar 12 2028,
        // Mar 11 2029; worked out in RecurrenceRfcExampleTests) are each the US spring-forward day, so 02:30 never
        // exists on them: read at −5 it is 07:30Z every year.
        Equal(AfterStart("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;BYHOUR=2;BYMINUTE=30", "2027-01-01T05:00:00Z", NewYork, 3),
            "2027-03-14T07:30:00Z", "2028-03-12T07:30:00Z", "2029-03-11T07:30:00Z");
    }

    [Fact]
    public void Half_hourly_at_2am_keeps_the_runs_that_fall_in_the_spring_forward_gap()
    {
        // 02:00 and 02:30 local each day from Sat Mar 13 02:00 EST (07:00Z). Mar 13: 07:00Z, 07:30Z (EST). Mar 14: both
        // are in the gap, read at −5: 07:00Z and 07:30Z. Mar 15 (EDT): 06:00Z and 06:30Z.
        Equal(FromStart("FREQ=MINUTELY;INTERVAL=30;BYHOUR=2", "2027-03-13T07:00:00Z", NewYork, 6),
            "2027-03-13T07:00:00Z", "2027-03-13T07:30:00Z", "2027-03-14T07:00:00Z",
            "2027-03-14T07:30:00Z", "2027-03-15T06:00:00Z", "2027-03-15T06:30:00Z");
    }

    [Fact]
    public void Hourly_across_the_fall_back_night_runs_on_the_local_clock_without_stopping()
    {
        // COUNT=6 from Nov 7 00:30 EDT (04:30Z): local 00:30, 01:30 (first, EDT: 05:30Z), 02:30 EST (07:30Z), 03:30
        // (08:30Z), 04:30 (09:30Z), 05:30 (10:30Z). Six runs, then none.
        Equal(FromStart("FREQ=HOURLY;COUNT=6", "2027-11-07T04:30:00Z", NewYork, 10),
            "2027-11-07T04:30:00Z", "2027-11-07T05:30:00Z", "2027-11-07T07:30:00Z",
            "2027-11-07T08:30:00Z", "2027-11-07T09:30:00Z", "2027-11-07T10:30:00Z");
    }

    [Fact]
    public void Hourly_across_the_spring_forward_night_counts_a_repeated_instant_once()
    {
        // COUNT=5 from Mar 14 00:30 EST (05:30Z): local 00:30 (05:30Z), 01:30 (06:30Z), 02:30 (in the gap, at −5:
        // 07:30Z), 03:30 EDT (07:30Z again: the same instance), 04:30 EDT (08:30Z), 05:30 EDT (09:30Z).
        Equal(FromStart("FREQ=HOURLY;COUNT=5", "2027-03-14T05:30:00Z", NewYork, 10),
            "2027-03-14T05:30:00Z", "2027-03-14T06:30:00Z", "2027-03-14T07:30:00Z",
            "2027-03-14T08:30:00Z", "2027-03-14T09:30:00Z");
    }

    [Fact]
    public void A_dtstart_in_the_second_pass_of_the_repeated_hour_is_kept_as_given()
    {
        // DTSTART 06:30Z is the second 01:30 (EST) of Nov 7; it is the first run as given. Nov 8 01:30 EST = 06:30Z.
        Equal(FromStart("FREQ=DAILY", "2027-11-07T06:30:00Z", NewYork, 2),
            "2027-11-07T06:30:00Z", "2027-11-08T06:30:00Z");
    }
}
