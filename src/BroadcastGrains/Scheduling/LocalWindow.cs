using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Scheduling;

/// <summary>
/// A delivery window read on one or several local clocks: open at an instant only when it is open on every one of
/// them. A number whose area spans two zones (a US area code across a state line) is sent only at times inside the
/// window in both, so no reading of its local time is outside quiet hours. Wall-clock rules as in <see cref="QuietHours"/>;
/// <c>days</c> name the day a window opens on, so the hours after midnight of a 20:00–06:00 window belong to the
/// evening before.
/// </summary>
public sealed class LocalWindow(TimeOnly start, TimeOnly end, WeekDays days)
{
    // Two weeks of edges hold the next opening of any window that opens at all on a given set of clocks: the days rule
    // repeats weekly, and offsets between zones change at most a few times a year.
    const int DaysAhead = 15;

    public LocalWindow(DeliveryWindow window) : this(window.Start, window.End, window.Days)
    {
    }

    /// <summary>True when the local time in <paramref name="zone"/> at <paramref name="at"/> is inside the window.</summary>
    public bool IsOpen(TimeZoneInfo zone, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var day = local.DayOfWeek;
        if (start == end)
        {
            return Has(day);
        }
        var clock = TimeOnly.FromDateTime(local);
        if (start < end)
        {
            return Has(day) && clock >= start && clock < end;
        }
        return (clock >= start && Has(day)) || (clock < end && Has(PreviousDay(day)));
    }

    /// <summary>True when the window is open at <paramref name="at"/> on every clock of <paramref name="zones"/>.</summary>
    public bool IsOpenInAll(IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset at)
    {
        foreach (var zone in zones)
        {
            if (!IsOpen(zone, at))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// <paramref name="at"/> (UTC) when open on every clock, else the first later instant that is; null when that
    /// never happens within two weeks (09:00–10:00 in zones twelve hours apart), so those messages wait out their validity.
    /// </summary>
    public DateTimeOffset? NextOpening(IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset at)
    {
        if (IsOpenInAll(zones, at))
        {
            return at.ToUniversalTime();
        }
        foreach (var edge in Edges(zones, at))
        {
            if (IsOpenInAll(zones, edge))
            {
                return edge;
            }
        }
        return null;
    }

    bool Has(DayOfWeek day) => (days & (WeekDays)(1 << (int)day)) != 0;

    static DayOfWeek PreviousDay(DayOfWeek day) => (DayOfWeek)(((int)day + 6) % 7);

    /// <summary>
    /// The instants after <paramref name="after"/>, in order, at which openness on any of the clocks can change: when
    /// one reads the start, the end or midnight (the days rule), and when one jumps.
    /// </summary>
    SortedSet<DateTimeOffset> Edges(IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset after)
    {
        var edges = new SortedSet<DateTimeOffset>();
        foreach (var zone in zones)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
            // From the day before: a fall-back across midnight puts the clock back on yesterday's date.
            for (var day = today.AddDays(-1); day <= today.AddDays(DaysAhead); day = day.AddDays(1))
            {
                edges.UnionWith(LocalTimes.InstancesOf(day.ToDateTime(start), zone));
                edges.UnionWith(LocalTimes.InstancesOf(day.ToDateTime(end), zone));
                edges.UnionWith(LocalTimes.InstancesOf(day.ToDateTime(TimeOnly.MinValue), zone));
                edges.UnionWith(LocalTimes.TransitionsOn(day, zone));
            }
        }
        edges.RemoveWhere(edge => edge <= after);
        return edges;
    }
}
