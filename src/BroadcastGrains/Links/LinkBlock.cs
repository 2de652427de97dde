namespace BroadcastGrains.Links;

/// <summary>What the codes of one block stand for: a broadcast's links, and until when they redirect.</summary>
[GenerateSerializer, Immutable, Alias("link-block")]
public sealed record LinkBlock(
    [property: Id(0)] string BroadcastId,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string[] Urls,
    [property: Id(3)] bool PerRecipient,
    [property: Id(4)] int PartitionSize,
    [property: Id(5)] DateTimeOffset ExpiresAt);
