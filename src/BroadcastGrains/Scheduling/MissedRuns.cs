namespace BroadcastGrains.Scheduling;

/// <summary>
/// Which due runs are skipped rather than sent late (API.md <c>validityMinutes</c>): a run that could not start within
/// its validity of its due time (the cluster was down), and one that a later run, also due already, supersedes, so that
/// coming back from an outage sends the series' newest due run once instead of every missed one back to back.
/// </summary>
internal static class MissedRuns
{
    /// <summary>
    /// True when the run due at <paramref name="dueAt"/> is skipped at <paramref name="now"/>;
    /// <paramref name="nextAfter"/> is the series' run after it, if any.
    /// </summary>
    public static bool IsMissed(DateTimeOffset dueAt, DateTimeOffset? nextAfter, DateTimeOffset now, TimeSpan validity) =>
        now - dueAt > validity || nextAfter <= now;
}
