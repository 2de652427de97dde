using BroadcastGrains.Scheduling;
using static BroadcastGrains.Tests.Scheduling.Runs;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>
/// When a window opens and closes next. New York is EST (−5) in January; it springs forward on 2027-03-14 at 02:00
/// EST (07:00Z) to 03:00 EDT and falls back on 2027-11-07 at 02:00 EDT (06:00Z) to 01:00 EST.
/// </summary>
public class QuietHoursNextTests
{
    static TimeOnly At(int hour, int minute = 0) => new(hour, minute);

    static DateTimeOffset Opening(TimeOnly start, TimeOnly end, string at) => QuietHours.NextOpening(start, end, NewYork, Utc(at));

    static DateTimeOffset Closing(TimeOnly start, TimeOnly end, string at) => QuietHours.NextClosing(start, end, NewYork, Utc(at));

    [Fact]
    public void An_open_window_opens_now()
    {
        Assert.Equal(Utc("2027-01-15T15:00:00Z"), Opening(At(9), At(20), "2027-01-15T15:00:00Z"));
    }

    [Fact]
    public void Before_the_start_it_opens_later_the_same_day()
    {
        // 07:00 EST → 09:00 EST = 14:00Z.
        Assert.Equal(Utc("2027-01-15T14:00:00Z"), Opening(At(9), At(20), "2027-01-15T12:00:00Z"));
    }

    [Fact]
    public void After_the_end_it_opens_the_next_day()
    {
        // 21:00 EST on the 15th → 09:00 EST on the 16th = 14:00Z.
        Assert.Equal(Utc("2027-01-16T14:00:00Z"), Opening(At(9), At(20), "2027-01-16T02:00:00Z"));
    }

    [Fact]
    public void A_window_across_midnight_opens_in_the_evening()
    {
        // 12:00 EST → 20:00 EST = 01:00Z the next day.
        Assert.Equal(Utc("2027-01-16T01:00:00Z"), Opening(At(20), At(6), "2027-01-15T17:00:00Z"));
    }

    [Fact]
    public void An_open_window_closes_at_its_end_and_a_closed_one_at_the_end_of_its_next_opening()
    {
        // Open at 10:00 EST, closes 20:00 EST = 01:00Z; closed at 07:00 EST, it opens at 09:00 and closes at the same 20:00.
        Assert.Equal(Utc("2027-01-16T01:00:00Z"), Closing(At(9), At(20), "2027-01-15T15:00:00Z"));
        Assert.Equal(Utc("2027-01-16T01:00:00Z"), Closing(At(9), At(20), "2027-01-15T12:00:00Z"));
        // Across midnight: open at 22:00 EST, closes at 06:00 EST = 11:00Z.
        Assert.Equal(Utc("2027-01-16T11:00:00Z"), Closing(At(20), At(6), "2027-01-16T03:00:00Z"));
    }

    [Fact]
    public void On_the_spring_forward_day_a_morning_window_opens_an_hour_earlier_in_utc()
    {
        // 21:00 EST on Mar 13 → 09:00 EDT on Mar 14 = 13:00Z (14:00Z the day before).
        Assert.Equal(Utc("2027-03-14T13:00:00Z"), Opening(At(9), At(20), "2027-03-14T02:00:00Z"));
    }

    [Fact]
    public void A_start_inside_the_spring_forward_gap_opens_when_the_clock_jumps_past_it()
    {
        // Window 02:30–06:00; at 01:00 EST (06:00Z). 02:30 never shows; the clock jumps to 03:00 EDT at 07:00Z.
        Assert.Equal(Utc("2027-03-14T07:00:00Z"), Opening(At(2, 30), At(6), "2027-03-14T06:00:00Z"));
        Assert.False(QuietHours.IsOpen(At(2, 30), At(6), NewYork, Utc("2027-03-14T06:59:59Z")));
        Assert.True(QuietHours.IsOpen(At(2, 30), At(6), NewYork, Utc("2027-03-14T07:00:00Z")));
    }

    [Fact]
    public void A_window_wholly_inside_the_spring_forward_gap_opens_the_next_day()
    {
        // Window 02:00–02:45 never shows on Mar 14; on Mar 15 02:00 EDT = 06:00Z.
        Assert.Equal(Utc("2027-03-15T06:00:00Z"), Opening(At(2), At(2, 45), "2027-03-14T06:00:00Z"));
    }

    [Fact]
    public void On_the_fall_back_day_an_evening_close_and_the_next_morning_follow_the_clock()
    {
        // 19:00 EDT on Nov 6 (23:00Z): closes at 20:00 EDT = 00:00Z Nov 7; opens again 09:00 EST Nov 7 = 14:00Z.
        Assert.Equal(Utc("2027-11-07T00:00:00Z"), Closing(At(9), At(20), "2027-11-06T23:00:00Z"));
        Assert.Equal(Utc("2027-11-07T14:00:00Z"), Opening(At(9), At(20), "2027-11-07T00:00:00Z"));
    }

    [Fact]
    public void A_window_reopens_when_the_clock_falls_back_into_it()
    {
        // Window 00:00–01:30. At 01:45 EDT (05:45Z) it is closed; at 06:00Z the clock reads 01:00 EST, inside it
        // again, until 01:30 EST = 06:30Z.
        Assert.Equal(Utc("2027-11-07T06:00:00Z"), Opening(At(0), At(1, 30), "2027-11-07T05:45:00Z"));
        Assert.Equal(Utc("2027-11-07T06:30:00Z"), Closing(At(0), At(1, 30), "2027-11-07T06:00:00Z"));
    }
}
