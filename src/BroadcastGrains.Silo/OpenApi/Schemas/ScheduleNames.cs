namespace BroadcastGrains.Silo.OpenApi.Schemas;

/// <summary>What to do with duplicate inline recipients.</summary>
internal enum DuplicatePolicyName
{
    /// <summary>400 DUPLICATE_RECIPIENTS naming up to 10 duplicates.</summary>
    Reject,

    /// <summary>Keep the first of each.</summary>
    Skip,
}

/// <summary>When a broadcast runs.</summary>
internal enum ScheduleModeName
{
    /// <summary>At once.</summary>
    Now,

    /// <summary>Stored; sent on send-now.</summary>
    Draft,

    /// <summary>Once, at <c>scheduledAt</c>.</summary>
    Scheduled,

    /// <summary>By <c>recurrenceRule</c>.</summary>
    Recurring,

    /// <summary>Paced at <c>dripRatePerMinute</c>.</summary>
    Drip,
}
