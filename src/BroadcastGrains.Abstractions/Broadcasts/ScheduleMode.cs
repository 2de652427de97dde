namespace BroadcastGrains.Broadcasts;

/// <summary>When a broadcast runs.</summary>
public enum ScheduleMode : byte
{
    /// <summary>At once.</summary>
    Now,
    /// <summary>Kept as a draft until send-now.</summary>
    Draft,
    /// <summary>Once, at <c>scheduledAt</c>.</summary>
    Scheduled,
    /// <summary>By RRULE in the broadcast's time zone.</summary>
    Recurring,
    /// <summary>At most N messages a minute.</summary>
    Drip,
}

/// <summary>What to do with duplicate inline recipients.</summary>
public enum DuplicatePolicy : byte
{
    /// <summary>Refuse the request, naming up to ten duplicates.</summary>
    Reject,
    /// <summary>Keep the first occurrence, count the rest.</summary>
    Skip,
}
