namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>The message_state values of SMPP 3.4 section 5.2.28, as a receipt reports them.</summary>
internal enum MessageState : byte
{
    Enroute = 1,
    Delivered = 2,
    Expired = 3,
    Deleted = 4,
    Undeliverable = 5,
    Accepted = 6,
    Unknown = 7,
    Rejected = 8,
}

/// <summary>The <c>stat:</c> abbreviations of a receipt's text (SMPP 3.4 appendix B) and what they mean.</summary>
internal static class MessageStates
{
    /// <summary>The state a <c>stat:</c> value names; null for one the spec does not list.</summary>
    public static MessageState? FromStat(string? stat) => stat?.ToUpperInvariant() switch
    {
        "DELIVRD" => MessageState.Delivered,
        "EXPIRED" => MessageState.Expired,
        "DELETED" => MessageState.Deleted,
        "UNDELIV" => MessageState.Undeliverable,
        "ACCEPTD" => MessageState.Accepted,
        "UNKNOWN" => MessageState.Unknown,
        "REJECTD" => MessageState.Rejected,
        "ENROUTE" => MessageState.Enroute,
        _ => null,
    };
}
