using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue;

[GrainType("price-table")]
internal sealed class PriceTableGrain(
    [PersistentState("price-table", StorageNames.Grains)] IPersistentState<PriceTableState> prices)
    : Grain, IPriceTableGrain
{
    public Task<PriceTable> GetAsync() => Task.FromResult(prices.State.Table ?? PriceTable.Default);

    public async Task<PriceTable> UpdateAsync(PriceTableUpdate update)
    {
        var current = prices.State.Table ?? PriceTable.Default;
        var countries = new Dictionary<string, decimal?>(current.Countries, StringComparer.Ordinal);
        foreach (var (country, price) in update.Countries ?? new Dictionary<string, decimal?>())
        {
            countries[country.ToUpperInvariant()] = price;
        }
        prices.State.Table = new PriceTable(
            update.DefaultPerSegment ?? current.DefaultPerSegment,
            update.MmsPerMessage ?? current.MmsPerMessage,
            countries);
        await prices.WriteStateAsync();
        return prices.State.Table;
    }
}

[GenerateSerializer, Alias("price-table-state")]
internal sealed class PriceTableState
{
    [Id(0)] public PriceTable? Table { get; set; }
}
