using static BroadcastGrains.Tests.Scheduling.Runs;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>
/// RFC 5545 §3.8.5.3 example rules in two zones whose daylight saving changes on different dates. Calendar facts used
/// throughout: 2027-01-01 is a Friday (2026-01-01 was a Thursday and 2026 has 365 days). New York: EST (−5) until
/// 2027-03-14 02:00, EDT (−4) until 2027-11-07 02:00. Berlin: CET (+1) until 2027-03-28 02:00, CEST (+2) until
/// 2027-10-31 03:00.
/// </summary>
public class RecurrenceRfcExampleTests
{
    [Fact]
    public void Monthly_on_the_last_friday_in_new_york_follows_the_spring_change()
    {
        // 09:00 local. Jan 1 Fri → last Fri Jan 29; Feb 1 Mon → Feb 26; Mar 1 Mon → Mar 26; Apr 1 Thu → Apr 30;
        // May 1 Sat → May 28; Jun 1 Tue → Jun 25. Jan–Feb are EST (14:00Z); from Mar 26 EDT (13:00Z).
        Equal(FromStart("FREQ=MONTHLY;BYDAY=-1FR", "2027-01-29T14:00:00Z", NewYork, 6),
            "2027-01-29T14:00:00Z", "2027-02-26T14:00:00Z", "2027-03-26T13:00:00Z",
            "2027-04-30T13:00:00Z", "2027-05-28T13:00:00Z", "2027-06-25T13:00:00Z");
    }

    [Fact]
    public void Monthly_on_the_last_friday_in_berlin_follows_the_autumn_change()
    {
        // 09:00 local. Sep 1 Wed → last Fri Sep 24; Oct 1 Fri → Oct 29; Nov 1 Mon → Nov 26; Dec 1 Wed → Dec 31.
        // Sep 24 and Oct 29 are CEST (07:00Z); after Oct 31 CET (08:00Z).
        Equal(FromStart("FREQ=MONTHLY;BYDAY=-1FR", "2027-09-24T07:00:00Z", Berlin, 4),
            "2027-09-24T07:00:00Z", "2027-10-29T07:00:00Z", "2027-11-26T08:00:00Z", "2027-12-31T08:00:00Z");
    }

    [Fact]
    public void Every_other_week_on_monday_and_wednesday_in_new_york()
    {
        // 08:00 local from Mon Mar 1. Weeks begin Monday (WKST=MO): the weeks of Mar 1, 15 and 29 run, those of
        // Mar 8 and 22 are skipped. Mar 1 and 3 are EST (13:00Z); from Mar 15 EDT (12:00Z).
        Equal(FromStart("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "2027-03-01T13:00:00Z", NewYork, 6),
            "2027-03-01T13:00:00Z", "2027-03-03T13:00:00Z", "2027-03-15T12:00:00Z",
            "2027-03-17T12:00:00Z", "2027-03-29T12:00:00Z", "2027-03-31T12:00:00Z");
    }

    [Fact]
    public void Every_other_week_on_monday_and_wednesday_in_berlin()
    {
        // 08:00 local from Mon Mar 22 (Mar 1 Mon + 21). Weeks of Mar 22, Apr 5 and Apr 19 run; Mar 29 and Apr 12 are
        // skipped. Mar 22 and 24 are CET (07:00Z); after Mar 28 CEST (06:00Z).
        Equal(FromStart("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "2027-03-22T07:00:00Z", Berlin, 6),
            "2027-03-22T07:00:00Z", "2027-03-24T07:00:00Z", "2027-04-05T06:00:00Z",
            "2027-04-07T06:00:00Z", "2027-04-19T06:00:00Z", "2027-04-21T06:00:00Z");
    }

    [Fact]
    public void Yearly_on_the_second_sunday_of_march_in_new_york_lands_on_the_spring_forward_day()
    {
        // 10:00 local. 2027: Mar 1 Mon → Sundays 7, 14. 2028-01-01 is a Saturday (2027 has 365 days), and 2028 is a
        // leap year, so Mar 1 2028 is day 61, a Wednesday → Sundays 5, 12. 2029-01-01 is a Monday (2028 has 366
        // days); Mar 1 2029 is day 60, a Thursday → Sundays 4, 11. Each is the US spring-forward day, so 10:00 is
        // already EDT (14:00Z).
        Equal(FromStart("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "2027-03-14T14:00:00Z", NewYork, 3),
            "2027-03-14T14:00:00Z", "2028-03-12T14:00:00Z", "2029-03-11T14:00:00Z");
    }

    [Fact]
    public void Yearly_on_the_second_sunday_of_march_in_berlin_is_still_winter_time()
    {
        // The same Sundays (Mar 14 2027, Mar 12 2028, Mar 11 2029); Berlin changes on March's last Sunday, so 10:00
        // is CET (09:00Z) each year.
        Equal(FromStart("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "2027-03-14T09:00:00Z", Berlin, 3),
            "2027-03-14T09:00:00Z", "2028-03-12T09:00:00Z", "2029-03-11T09:00:00Z");
    }
}
