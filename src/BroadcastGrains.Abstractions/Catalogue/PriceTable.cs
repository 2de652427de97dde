namespace BroadcastGrains.Catalogue;

/// <summary>
/// Credits per SMS segment by country (ISO 3166 alpha-2); a country mapped to null has no route.
/// Countries not listed cost <see cref="DefaultPerSegment"/>; an MMS costs <see cref="MmsPerMessage"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("price-table")]
public sealed record PriceTable(
    [property: Id(0)] decimal DefaultPerSegment,
    [property: Id(1)] decimal MmsPerMessage,
    [property: Id(2)] IReadOnlyDictionary<string, decimal?> Countries)
{
    /// <summary>A new cluster's prices: 0.01 a segment everywhere, 0.02 an MMS.</summary>
    public static PriceTable Default { get; } = new(0.01m, 0.02m, new Dictionary<string, decimal?>());

    /// <summary>The price of one segment to <paramref name="countryCode"/>, or null when it has no route.</summary>
    public decimal? PerSegment(string countryCode) =>
        Countries.TryGetValue(countryCode, out var price) ? price : DefaultPerSegment;
}

/// <summary>A change to the price table: omitted fields keep their value; countries merge, null meaning no route.</summary>
[GenerateSerializer, Immutable, Alias("price-table-update")]
public sealed record PriceTableUpdate(
    [property: Id(0)] decimal? DefaultPerSegment,
    [property: Id(1)] decimal? MmsPerMessage,
    [property: Id(2)] IReadOnlyDictionary<string, decimal?>? Countries);
