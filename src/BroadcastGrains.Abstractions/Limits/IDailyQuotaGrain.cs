namespace BroadcastGrains.Limits;

/// <summary>
/// A client's daily quota of recipients handed to carriers, counted per run on the UTC day the run starts,
/// cluster-wide. Keyed by client id.
/// </summary>
[Alias("daily-quota")]
public interface IDailyQuotaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts a run's <paramref name="recipients"/> against today's <paramref name="quota"/> under
    /// <paramref name="runKey"/> (idempotent: a run counts once), or refuses with the time until the next UTC day.
    /// </summary>
    [Alias("reserve")]
    Task<LimitDecision> ReserveAsync(string runKey, long recipients, long quota);

    /// <summary>
    /// Gives back up to <paramref name="recipients"/> of what <paramref name="runKey"/> counted today, once: the unsent
    /// part of a cancelled run, or all of it when the run could not start after all.
    /// </summary>
    [Alias("release")]
    Task ReleaseAsync(string runKey, long recipients);
}
