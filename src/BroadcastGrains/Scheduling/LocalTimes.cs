namespace BroadcastGrains.Scheduling;

/// <summary>
/// Wall-clock times of a zone mapped to instants, around daylight-saving changes. A local time can name no instant
/// (spring-forward gap), one, or two (fall-back overlap); schedules and quiet hours each need a different answer.
/// </summary>
internal static class LocalTimes
{
    /// <summary>
    /// RFC 5545 §3.3.5 reading of a local time: one in a gap takes the UTC offset from before the gap (so it lands as far
    /// past the gap's start as it was meant to be); one that occurs twice is the first of the two.
    /// </summary>
    public static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(wall) ? OffsetBeforeGap(wall, zone)
            : zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max()
            : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall - offset, TimeSpan.Zero);
    }

    /// <summary>Every instant whose clock reads <paramref name="local"/>: none in a gap, two in an overlap, earliest first.</summary>
    public static IEnumerable<DateTimeOffset> InstancesOf(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            return [];
        }
        var offsets = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall) : [zone.GetUtcOffset(wall)];
        // A larger offset means an earlier instant, so this puts the first pass of an overlap first.
        return offsets.OrderDescending().Select(offset => new DateTimeOffset(wall - offset, TimeSpan.Zero));
    }

    /// <summary>The instants during local <paramref name="day"/> at which the zone's UTC offset changes.</summary>
    public static IEnumerable<DateTimeOffset> TransitionsOn(DateOnly day, TimeZoneInfo zone)
    {
        var from = Resolve(day.ToDateTime(TimeOnly.MinValue), zone);
        var to = Resolve(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var before = zone.GetUtcOffset(from);
        if (zone.GetUtcOffset(to) == before)
        {
            return [];
        }
        // Offsets change on whole seconds, so halving the day to a second finds the change in about 17 steps.
        long low = 0, high = (long)(to - from).TotalSeconds;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (zone.GetUtcOffset(from.AddSeconds(middle)) == before)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return [from.AddSeconds(high)];
    }

    /// <summary>
    /// The offset in force just before the gap that swallows <paramref name="wall"/>. Read as UTC and moved back a day,
    /// the wall time is an instant before the gap opened (a gap plus the offset before it stays under a day in every
    /// zone) yet after the zone's previous change (no zone changes offset twice within a day and a half).
    /// </summary>
    static TimeSpan OffsetBeforeGap(DateTime wall, TimeZoneInfo zone) =>
        zone.GetUtcOffset(new DateTimeOffset(wall.AddDays(-1), TimeSpan.Zero));
}
