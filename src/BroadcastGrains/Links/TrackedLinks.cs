namespace BroadcastGrains.Links;

/// <summary>
/// A broadcast's <c>trackLinks</c>: the links of its body (in order of first appearance, at most
/// <see cref="LinkCode.MaxLinks"/>), the block their codes are drawn from, and what a short link looks like.
/// Recipient <c>i</c> of partition <c>p</c> is recipient <c>p × PartitionSize + i</c> of the broadcast in its codes.
/// </summary>
[GenerateSerializer, Immutable, Alias("tracked-links")]
public sealed record TrackedLinks(
    [property: Id(0)] long Block,
    [property: Id(1)] ulong Key,
    [property: Id(2)] string[] Urls,
    [property: Id(3)] bool PerRecipient,
    [property: Id(4)] string BaseUrl,
    [property: Id(5)] int PartitionSize)
{
    /// <summary>The short link that stands for link <paramref name="ordinal"/> in recipient <paramref name="index"/>'s message.</summary>
    public string ShortUrl(int ordinal, int index) =>
        $"{BaseUrl}/l/{LinkCode.Encode(Key, Block, ordinal, PerRecipient ? index : LinkCode.Aggregate)}";
}
