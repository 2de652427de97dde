namespace BroadcastGrains.Broadcasts;

/// <summary>The lifecycle of a broadcast (API.md "Broadcast status").</summary>
public enum BroadcastStatus : byte
{
    /// <summary>Edited with PATCH, started with send-now.</summary>
    Draft,
    /// <summary>Above the client's approval thresholds; waits for an approver.</summary>
    PendingApproval,
    /// <summary>Waits for its time (or between runs of a recurring series).</summary>
    Scheduled,
    /// <summary>Partitions are sending or waiting for receipts.</summary>
    Sending,
    /// <summary>Sending stopped until resumed.</summary>
    Paused,
    /// <summary>Every recipient of every run has a final status.</summary>
    Completed,
    /// <summary>Cancelled; unsent recipients were not sent and their credits released.</summary>
    Cancelled,
    /// <summary>Could not run (for example a run that could not be paid).</summary>
    Failed,
}

/// <summary>Helpers over <see cref="BroadcastStatus"/>.</summary>
public static class BroadcastStatuses
{
    /// <summary>The API's snake_case name.</summary>
    public static string ToApiName(this BroadcastStatus status) => status switch
    {
        BroadcastStatus.Draft => "draft",
        BroadcastStatus.PendingApproval => "pending_approval",
        BroadcastStatus.Scheduled => "scheduled",
        BroadcastStatus.Sending => "sending",
        BroadcastStatus.Paused => "paused",
        BroadcastStatus.Completed => "completed",
        BroadcastStatus.Cancelled => "cancelled",
        BroadcastStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses the API's snake_case name.</summary>
    public static bool TryParseApiName(string? name, out BroadcastStatus status)
    {
        foreach (var candidate in Enum.GetValues<BroadcastStatus>())
        {
            if (string.Equals(candidate.ToApiName(), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
