using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace BroadcastGrains.Scheduling;

/// <summary>
/// Expands a series the way RFC 5545 describes it: the rule is applied to local wall-clock times, and each local
/// occurrence is then placed in time (§3.3.10, §3.3.5). Ical.Net does the calendar arithmetic on a floating DTSTART,
/// where it has no daylight saving to get wrong; this class does the rest. With a zoned DTSTART, Ical.Net 5.2.4 drops
/// occurrences that a BYHOUR puts in a spring-forward gap, repeats and then loses occurrences of an hourly or minutely
/// series across a fall-back overlap, and leaves DTSTART out (and out of COUNT) when the rule does not match it; it
/// also reads zones from its own copy of the zone data rather than the one <see cref="TimeZones"/> validated against.
/// </summary>
internal static class RecurrenceSeries
{
    // A rule that can never match (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) would otherwise be searched to year 9999.
    // February 29th under FREQ=DAILY is the sparsest useful rule (at most 8 years, ~2,900 steps apart); this is far above.
    static readonly EvaluationOptions Bounded = new() { MaxUnmatchedIncrementsLimit = 100_000 };

    /// <summary>
    /// The series' instants in order, starting with DTSTART itself (always the first occurrence, and counted by COUNT).
    /// Instants at or before <paramref name="after"/> may be skipped, never later ones.
    /// </summary>
    public static IEnumerable<DateTimeOffset> Expand(RecurrenceRule rule, DateTimeOffset start, TimeZoneInfo zone, DateTimeOffset after)
    {
        var first = start.ToUniversalTime();
        // RFC 5545 times have whole seconds; DTSTART itself keeps the exact instant it was given.
        var local = WholeSeconds(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var origin = after > start ? SkipAhead(rule, local, TimeZoneInfo.ConvertTime(after, zone).DateTime) : null;
        var counted = 0;
        if (origin is null)
        {
            counted = 1;
            yield return first;
        }
        var last = first;
        foreach (var occurrence in Floating(rule, origin ?? local))
        {
            if (occurrence <= local)
            {
                continue;
            }
            var instant = LocalTimes.Resolve(occurrence, zone);
            if (IsPastUntil(rule.Until, occurrence, instant))
            {
                yield break;
            }
            // Two local times can land on one instant (02:30 and 03:30 on a spring-forward day), and one a fall-back
            // DTSTART already passed; RFC 5545 counts a repeated instance once.
            if (instant <= last)
            {
                continue;
            }
            if (rule.Count is { } count && ++counted > count)
            {
                yield break;
            }
            last = instant;
            yield return instant;
        }
    }

    static IEnumerable<DateTime> Floating(RecurrenceRule rule, DateTime origin)
    {
        // COUNT and UNTIL are applied by Expand, on the placed instants, so they are not Ical.Net's to apply.
        var unbounded = new RecurrenceRule();
        unbounded.CopyFrom(rule);
        unbounded.Count = null;
        unbounded.Until = null;
        var series = new CalendarEvent { DtStart = new CalDateTime(origin, null, true), RecurrenceRule = unbounded };
        using var occurrences = series.GetOccurrences(null, Bounded).GetEnumerator();
        while (true)
        {
            try
            {
                if (!occurrences.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception e) when (e is EvaluationLimitExceededException or EvaluationOutOfRangeException)
            {
                // Nothing matched within the search limit, or before year 9999: for a schedule, the series is over.
                yield break;
            }
            yield return occurrences.Current.Period.StartTime.Value;
        }
    }

    /// <summary>
    /// A later origin for a secondly, minutely or hourly series without COUNT, so that a series running for months
    /// is not expanded from its first second on every call. The origin is a whole number of intervals after DTSTART,
    /// which yields the same occurrences from there on; everything skipped is local-before <paramref name="afterLocal"/>,
    /// and local order never runs ahead of time order, so nothing skipped is after <c>after</c>.
    /// </summary>
    static DateTime? SkipAhead(RecurrenceRule rule, DateTime local, DateTime afterLocal)
    {
        var unit = rule.Frequency switch
        {
            FrequencyType.Secondly => TimeSpan.FromSeconds(1),
            FrequencyType.Minutely => TimeSpan.FromMinutes(1),
            FrequencyType.Hourly => TimeSpan.FromHours(1),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero || rule.Count is not null)
        {
            return null;
        }
        var step = unit * rule.Interval;
        var steps = ((afterLocal - local).Ticks / step.Ticks) - 1;
        return steps > 0 ? local + TimeSpan.FromTicks(step.Ticks * steps) : null;
    }

    static bool IsPastUntil(CalDateTime? until, DateTime occurrence, DateTimeOffset instant) => until switch
    {
        null => false,
        { IsUtc: true } => instant.UtcDateTime > until.AsUtc,
        // The RFC wants a UTC UNTIL beside a zoned DTSTART; a local one is read on the same wall clock as the rule,
        // and a bare date keeps the whole of that day.
        { HasTime: true } => occurrence > until.Value,
        _ => DateOnly.FromDateTime(occurrence) > until.Date,
    };

    static DateTime WholeSeconds(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
}
