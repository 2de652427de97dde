namespace BroadcastGrains.Broadcasts;

/// <summary>A recipient's status; stored as one byte per recipient. <see cref="Delivered"/> and later are final.</summary>
public enum RecipientStatus : byte
{
    /// <summary>Not yet due.</summary>
    Pending = 0,
    /// <summary>Handed to the send pipeline.</summary>
    Queued = 1,
    /// <summary>Accepted by the carrier, receipt outstanding.</summary>
    Sent = 2,
    /// <summary>Delivered to the handset.</summary>
    Delivered = 3,
    /// <summary>The carrier reported a failure.</summary>
    Failed = 4,
    /// <summary>Validity passed before delivery.</summary>
    Expired = 5,
    /// <summary>No receipt within the receipt window.</summary>
    Timeout = 6,
    /// <summary>Not a valid phone number; never charged.</summary>
    Invalid = 7,
    /// <summary>No route to the number, or the carrier refused it at submit; never charged.</summary>
    Blocked = 8,
    /// <summary>On the client's opt-out list; never charged.</summary>
    OptedOut = 9,
    /// <summary>Cancelled before it was sent; never charged.</summary>
    Cancelled = 10,
}

/// <summary>Helpers over <see cref="RecipientStatus"/>.</summary>
public static class RecipientStatuses
{
    /// <summary>How many statuses there are; the length of count arrays indexed by status.</summary>
    public const int Count = 11;

    /// <summary>True for the statuses a recipient never leaves.</summary>
    public static bool IsFinal(this RecipientStatus status) => status >= RecipientStatus.Delivered;

    /// <summary>The API's snake_case name.</summary>
    public static string ToApiName(this RecipientStatus status) => status switch
    {
        RecipientStatus.Pending => "pending",
        RecipientStatus.Queued => "queued",
        RecipientStatus.Sent => "sent",
        RecipientStatus.Delivered => "delivered",
        RecipientStatus.Failed => "failed",
        RecipientStatus.Expired => "expired",
        RecipientStatus.Timeout => "timeout",
        RecipientStatus.Invalid => "invalid",
        RecipientStatus.Blocked => "blocked",
        RecipientStatus.OptedOut => "opted_out",
        RecipientStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses the API's snake_case name.</summary>
    public static bool TryParseApiName(string? name, out RecipientStatus status)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(((RecipientStatus)i).ToApiName(), name, StringComparison.Ordinal))
            {
                status = (RecipientStatus)i;
                return true;
            }
        }
        status = default;
        return false;
    }
}
