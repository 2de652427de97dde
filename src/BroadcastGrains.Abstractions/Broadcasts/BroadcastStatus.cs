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
    /// <summary>A run only: it could not start within its validity of its due time (the cluster was down), so it never sent.</summary>
    Skipped,
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
        BroadcastStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses the API's snake_case name of a broadcast's status.</summary>
    public static bool TryParseApiName(string? name, out BroadcastStatus status)
    {
        // A run can be skipped, a broadcast never: filtering broadcasts by it is a mistake, not an empty page.
        foreach (var candidate in Enum.GetValues<BroadcastStatus>().Where(s => s != BroadcastStatus.Skipped))
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
