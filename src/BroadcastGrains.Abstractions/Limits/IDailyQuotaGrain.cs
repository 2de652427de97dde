namespace BroadcastGrains.Limits;

/// <summary>A client's daily quota of recipients (UTC days), cluster-wide. Keyed by client id.</summary>
[Alias("daily-quota")]
public interface IDailyQuotaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts <paramref name="recipients"/> against today's <paramref name="quota"/> under <paramref name="operationId"/>
    /// (idempotent), or refuses with the time until the next UTC day.
    /// </summary>
    [Alias("reserve")]
    Task<LimitDecision> ReserveAsync(string operationId, long recipients, long quota);

    /// <summary>Gives back what <paramref name="operationId"/> reserved today (a create refused after reserving).</summary>
    [Alias("release")]
    Task ReleaseAsync(string operationId);
}
