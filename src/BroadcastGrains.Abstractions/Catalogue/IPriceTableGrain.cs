namespace BroadcastGrains.Catalogue;

/// <summary>The cluster's price table. One grain, key <see cref="Key"/>.</summary>
[Alias("price-table-grain")]
public interface IPriceTableGrain : IGrainWithStringKey
{
    /// <summary>The one key this grain lives at.</summary>
    public const string Key = "global";

    /// <summary>The whole table.</summary>
    [Alias("get")]
    Task<PriceTable> GetAsync();

    /// <summary>Merges a change and answers the whole table.</summary>
    [Alias("update")]
    Task<PriceTable> UpdateAsync(PriceTableUpdate update);
}
