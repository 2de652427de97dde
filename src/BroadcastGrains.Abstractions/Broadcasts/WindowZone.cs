namespace BroadcastGrains.Broadcasts;

/// <summary>Whose clock a <see cref="DeliveryWindow"/> is read on.</summary>
[GenerateSerializer]
public enum WindowZone
{
    /// <summary>The broadcast's <c>timezone</c> (the default).</summary>
    Broadcast = 0,

    /// <summary>Each recipient's own local time, from its number.</summary>
    Recipient = 1,
}
