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
