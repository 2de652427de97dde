namespace BroadcastGrains.Scheduling;

/// <summary>
/// A broadcast's <c>deliveryWindow</c>: the local hours, in its time zone, during which messages may be submitted.
/// The window is a rule about the wall clock, so on daylight-saving days it follows the clock: a start inside a
/// spring-forward gap opens when the clock jumps past it, and an hour the clock repeats at fall-back is inside the
/// window both times if its wall time is.
/// </summary>
public static class QuietHours
{
    // A window opens at least every other local day (a spring-forward gap can swallow one day's window whole), so
    // the edges of eight days always hold the next opening and closing.
    const int DaysAhead = 8;

    /// <summary>
    /// True when the local time in <paramref name="timeZone"/> at <paramref name="at"/> is inside [start, end). A window
    /// whose end is before its start spans midnight (20:00–06:00); start == end means always open.
    /// </summary>
    public static bool IsOpen(TimeOnly start, TimeOnly end, string timeZone, DateTimeOffset at) =>
        IsOpen(start, end, TimeZones.Find(timeZone), at);

    /// <summary>
    /// <paramref name="at"/> itself (in UTC) when the window is open, else the next instant at which it opens. On a
    /// spring-forward day a start inside the gap opens at the first valid instant after it (the end of the gap).
    /// </summary>
    public static DateTimeOffset NextOpening(TimeOnly start, TimeOnly end, string timeZone, DateTimeOffset at)
    {
        var zone = TimeZones.Find(timeZone);
        if (IsOpen(start, end, zone, at))
        {
            return at.ToUniversalTime();
        }
        foreach (var edge in Edges(start, end, zone, at))
        {
            if (IsOpen(start, end, zone, edge))
            {
                return edge;
            }
        }
        throw new InvalidOperationException($"the window {start}–{end} never opens within {DaysAhead} days");
    }

    /// <summary>
    /// The next instant (UTC) strictly after <paramref name="at"/> at which an open window closes: the end of the
    /// current opening, or of the next one when closed now. A window that is always open never closes:
    /// <see cref="DateTimeOffset.MaxValue"/>.
    /// </summary>
    public static DateTimeOffset NextClosing(TimeOnly start, TimeOnly end, string timeZone, DateTimeOffset at)
    {
        var zone = TimeZones.Find(timeZone);
        if (start == end)
        {
            return DateTimeOffset.MaxValue;
        }
        var open = IsOpen(start, end, zone, at);
        foreach (var edge in Edges(start, end, zone, at))
        {
            var openAfter = IsOpen(start, end, zone, edge);
            if (open && !openAfter)
            {
                return edge;
            }
            open = openAfter;
        }
        throw new InvalidOperationException($"the window {start}–{end} never closes within {DaysAhead} days");
    }

    static bool IsOpen(TimeOnly start, TimeOnly end, TimeZoneInfo zone, DateTimeOffset at)
    {
        if (start == end)
        {
            return true;
        }
        var clock = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return start < end ? clock >= start && clock < end : clock >= start || clock < end;
    }

    /// <summary>
    /// The instants after <paramref name="after"/>, in order, at which openness can change: whenever the clock reads
    /// the start or the end, and whenever it jumps. Between two of them the window is steadily open or closed.
    /// </summary>
    static IEnumerable<DateTimeOffset> Edges(TimeOnly start, TimeOnly end, TimeZoneInfo zone, DateTimeOffset after)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        var edges = new SortedSet<DateTimeOffset>();
        // From the day before: a fall-back across midnight puts the clock back on yesterday's date.
        for (var day = today.AddDays(-1); day <= today.AddDays(DaysAhead); day = day.AddDays(1))
        {
            edges.UnionWith(LocalTimes.InstancesOf(day.ToDateTime(start), zone));
            edges.UnionWith(LocalTimes.InstancesOf(day.ToDateTime(end), zone));
            edges.UnionWith(LocalTimes.TransitionsOn(day, zone));
        }
        return edges.Where(edge => edge > after);
    }
}
