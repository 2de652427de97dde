namespace BroadcastGrains.Broadcasts;

/// <summary>What a broadcast costs in one country.</summary>
[GenerateSerializer, Immutable, Alias("country-breakdown")]
public sealed record CountryBreakdown(
    [property: Id(0)] string CountryCode,
    [property: Id(1)] long Recipients,
    [property: Id(2)] long Segments,
    [property: Id(3)] decimal Credits,
    [property: Id(4)] decimal PricePerSegment)
{
    /// <summary>The country's English name (derived from the code, so never stored).</summary>
    public string CountryName => CountryNames.Of(CountryCode);
}
