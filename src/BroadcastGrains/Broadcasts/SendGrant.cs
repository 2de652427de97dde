namespace BroadcastGrains.Broadcasts;

/// <summary>How many messages a paced partition may submit now, and when to ask again if none.</summary>
[GenerateSerializer, Immutable, Alias("send-grant")]
public sealed record SendGrant(
    [property: Id(0)] int Granted,
    [property: Id(1)] TimeSpan RetryAfter);
