namespace BroadcastGrains.Catalogue;

/// <summary>Where a sender or template is in the operator's review.</summary>
public enum ApprovalStatus : byte
{
    /// <summary>Waits for the operator.</summary>
    Pending,
    /// <summary>May be used.</summary>
    Approved,
    /// <summary>Refused by the operator; may not be used.</summary>
    Rejected,
}

/// <summary>Helpers over <see cref="ApprovalStatus"/>.</summary>
public static class ApprovalStatuses
{
    /// <summary>The API's name.</summary>
    public static string ToApiName(this ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => "pending",
        ApprovalStatus.Approved => "approved",
        ApprovalStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
