using BroadcastGrains.Broadcasts;
using BroadcastGrains.Scheduling;
using static BroadcastGrains.Tests.Scheduling.Runs;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>A window on several clocks: open only when open on each; days name the day a window opens on.</summary>
public class LocalWindowTests
{
    static readonly LocalWindow NineToEight = new(new TimeOnly(9, 0), new TimeOnly(20, 0), WeekDays.All);
    static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    static readonly TimeZoneInfo Kampala = TimeZoneInfo.FindSystemTimeZoneById("Africa/Kampala");
    static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Theory]
    [InlineData("2027-01-15T14:30:00Z", false)] // 09:30 New York, 08:30 Chicago
    [InlineData("2027-01-15T15:00:00Z", true)] // 09:00 Chicago
    [InlineData("2027-01-16T00:59:59Z", true)] // 19:59 New York
    [InlineData("2027-01-16T01:00:00Z", false)] // 20:00 New York, 19:00 Chicago
    public void A_number_in_two_zones_is_open_only_when_both_clocks_are_inside_the_window(string at, bool open)
    {
        Assert.Equal(open, NineToEight.IsOpenInAll([NewYork, Chicago], Utc(at)));
    }

    [Fact]
    public void The_next_opening_on_two_clocks_is_when_the_later_one_opens()
    {
        // 06:00 UTC: closed in both; New York opens at 14:00 UTC (EST), Chicago at 15:00 UTC.
        Assert.Equal(Utc("2027-01-15T15:00:00Z"), NineToEight.NextOpening([NewYork, Chicago], Utc("2027-01-15T06:00:00Z")));
    }

    [Fact]
    public void The_next_opening_follows_the_daylight_saving_change()
    {
        // US clocks go forward on Sunday 14 March 2027: 09:00 in New York is 14:00 UTC on Saturday, 13:00 UTC on Sunday.
        Assert.Equal(Utc("2027-03-14T13:00:00Z"), NineToEight.NextOpening([NewYork], Utc("2027-03-14T01:30:00Z")));
    }

    [Fact]
    public void Clocks_whose_windows_never_overlap_never_open()
    {
        var nineToTen = new LocalWindow(new TimeOnly(9, 0), new TimeOnly(10, 0), WeekDays.All);

        Assert.Null(nineToTen.NextOpening([Kampala, Tokyo], Utc("2027-01-15T00:00:00Z")));
    }

    [Theory]
    [InlineData("2027-01-15T10:00:00Z", true)] // Friday
    [InlineData("2027-01-16T10:00:00Z", false)] // Saturday
    [InlineData("2027-01-18T07:00:00Z", true)] // Monday 10:00 in Kampala (+3)
    public void Days_limit_the_window_to_weekdays_of_the_local_clock(string at, bool open)
    {
        var weekdays = new LocalWindow(new TimeOnly(9, 0), new TimeOnly(20, 0),
            WeekDays.Monday | WeekDays.Tuesday | WeekDays.Wednesday | WeekDays.Thursday | WeekDays.Friday);

        Assert.Equal(open, weekdays.IsOpen(Kampala, Utc(at)));
    }

    [Fact]
    public void A_window_past_midnight_belongs_to_the_day_it_opened_on()
    {
        var fridayNights = new LocalWindow(new TimeOnly(20, 0), new TimeOnly(6, 0), WeekDays.Friday);
        var utc = TimeZoneInfo.Utc;

        Assert.True(fridayNights.IsOpen(utc, Utc("2027-01-16T02:00:00Z"))); // Saturday 02:00, Friday's night
        Assert.False(fridayNights.IsOpen(utc, Utc("2027-01-15T02:00:00Z"))); // Friday 02:00, Thursday's night
        Assert.Equal(Utc("2027-01-22T20:00:00Z"), fridayNights.NextOpening([utc], Utc("2027-01-16T06:00:00Z")));
    }
}
