namespace BroadcastGrains.Broadcasts;

/// <summary>API.md's <c>clicks</c> of a broadcast: every click, and the recipients who clicked at least once.</summary>
[GenerateSerializer, Immutable, Alias("click-totals")]
public sealed record ClickTotals(
    [property: Id(0)] long Total,
    [property: Id(1)] long Unique)
{
    /// <summary>No click yet.</summary>
    public static ClickTotals None { get; } = new(0, 0);
}
