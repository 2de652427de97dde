namespace BroadcastGrains.Broadcasts;

/// <summary>How many recipients are in each <see cref="RecipientStatus"/>; the counts add up to the recipient count.</summary>
[GenerateSerializer, Immutable, Alias("dr-summary")]
public sealed record DrSummary(
    [property: Id(0)] long Pending,
    [property: Id(1)] long Queued,
    [property: Id(2)] long Sent,
    [property: Id(3)] long Delivered,
    [property: Id(4)] long Failed,
    [property: Id(5)] long Expired,
    [property: Id(6)] long Timeout,
    [property: Id(7)] long Invalid,
    [property: Id(8)] long Blocked,
    [property: Id(9)] long OptedOut,
    [property: Id(10)] long Cancelled)
{
    /// <summary>Builds a summary from counts indexed by status.</summary>
    public static DrSummary FromCounts(ReadOnlySpan<long> c) =>
        new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);

    /// <summary>The sum of every count (a method, so serializers do not add it to the object).</summary>
    public long Total() => Pending + Queued + Sent + Delivered + Failed + Expired + Timeout + Invalid + Blocked + OptedOut + Cancelled;
}
