using BroadcastGrains.Storage;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Wallet;

[GrainType("ledger-page")]
internal sealed class LedgerPageGrain(
    [PersistentState("ledger-page", StorageNames.Grains)] IPersistentState<LedgerPageState> page)
    : Grain, ILedgerPageGrain
{
    public async Task WriteAsync(IReadOnlyList<LedgerEntry> entries)
    {
        page.State.Entries = [.. entries];
        await page.WriteStateAsync();
    }

    public Task<IReadOnlyList<LedgerEntry>> ReadAsync() => Task.FromResult<IReadOnlyList<LedgerEntry>>(page.State.Entries);
}

[GenerateSerializer, Alias("ledger-page-state")]
internal sealed class LedgerPageState
{
    [Id(0)] public List<LedgerEntry> Entries { get; set; } = [];
}
