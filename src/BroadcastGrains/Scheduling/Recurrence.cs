namespace BroadcastGrains.Scheduling;

/// <summary>
/// Recurring broadcasts: RFC 5545 RRULE values, expanded in the broadcast's IANA time zone and returned in UTC.
/// Pure domain code; the broadcast grain asks it for <c>nextRunAt</c> and <c>upcomingRuns</c>.
/// </summary>
public static class Recurrence
{
    /// <summary>
    /// Null when <paramref name="rule"/> is a valid RFC 5545 RRULE value (with or without a leading "RRULE:"), else a
    /// short human message for the <c>INVALID_RRULE</c> problem.
    /// </summary>
    public static string? Validate(string rule)
    {
        RecurrenceRuleText.Parse(rule, out var problem);
        return problem;
    }

    /// <summary>
    /// Occurrences strictly after <paramref name="after"/>, in UTC (offset zero), at most <paramref name="max"/>, of the
    /// series whose DTSTART is <paramref name="start"/> as the clock in <paramref name="timeZone"/> reads it. DTSTART is
    /// the first occurrence and is returned as the exact instant given. COUNT (which counts DTSTART) and UNTIL end the
    /// series. A local time inside a spring-forward gap is read with the UTC offset from before the gap (02:30 on New
    /// York's spring-forward day is 03:30 EDT, 07:30Z); one that occurs twice at fall-back is the first of the two.
    /// </summary>
    /// <exception cref="ArgumentException">The rule or the zone was not validated first.</exception>
    public static IReadOnlyList<DateTimeOffset> Next(string rule, DateTimeOffset start, string timeZone, DateTimeOffset after, int max)
    {
        var parsed = RecurrenceRuleText.Parse(rule, out var problem)
            ?? throw new ArgumentException($"not a valid RRULE: {problem}", nameof(rule));
        var zone = TimeZones.Find(timeZone);
        var runs = new List<DateTimeOffset>();
        if (max <= 0)
        {
            return runs;
        }
        foreach (var run in RecurrenceSeries.Expand(parsed, start, zone, after))
        {
            if (run <= after)
            {
                continue;
            }
            runs.Add(run);
            if (runs.Count == max)
            {
                break;
            }
        }
        return runs;
    }
}
