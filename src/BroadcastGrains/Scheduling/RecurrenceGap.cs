namespace BroadcastGrains.Scheduling;

/// <summary>
/// How close together a series' runs come. Each run is a whole broadcast (a hold, partitions, up to 2,000,000 messages),
/// so runs must be at least <see cref="Minimum"/> apart. A rule is judged by the runs it makes, not by its FREQ:
/// BYMINUTE or BYSECOND lists put runs closer than FREQ=HOURLY or DAILY suggests.
/// </summary>
internal static class RecurrenceGap
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Runs looked at. Rules repeat a pattern within a period of their FREQ, so close runs come together, one right after
    /// the other; fifty runs cover several periods of any rule and cost well under a millisecond for a frequent one.
    /// </summary>
    public const int RunsChecked = 50;

    /// <summary>
    /// The shortest time between two of the rule's first <see cref="RunsChecked"/> runs after DTSTART, or null when it has
    /// fewer than two. DTSTART itself is left out: a client may start a series shortly before the rule's own times.
    /// </summary>
    public static TimeSpan? Shortest(string rule, DateTimeOffset start, string timeZone)
    {
        var runs = Recurrence.Next(rule, start, timeZone, start, RunsChecked);
        TimeSpan? shortest = null;
        for (var i = 1; i < runs.Count; i++)
        {
            var gap = runs[i] - runs[i - 1];
            if (shortest is null || gap < shortest)
            {
                shortest = gap;
            }
        }
        return shortest;
    }
}
