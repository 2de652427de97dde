namespace BroadcastGrains.Wallet;

/// <summary>The ledger side of the wallet: the open page lives in the wallet's state, full pages in page grains.</summary>
internal sealed partial class WalletGrain
{
    /// <summary>
    /// A full open page is written to its page grain before the state that forgets it is stored, so a crash or a failed
    /// write in between only means the same page (same sequence numbers) is written again.
    /// </summary>
    async Task FlushFullPageAsync(WalletState next)
    {
        while (next.OpenPage.Count >= PageSize)
        {
            var page = next.OpenPage.GetRange(0, PageSize);
            await PageGrain(page[0].Sequence / PageSize).WriteAsync(page);
            next.OpenPage.RemoveRange(0, PageSize);
        }
    }

    public async Task<LedgerPage> GetLedgerAsync(long? beforeSequence, int limit)
    {
        limit = Math.Clamp(limit, 1, 1000);
        var before = Math.Min(beforeSequence ?? long.MaxValue, State.NextSequence);
        var items = new List<LedgerEntry>(limit);
        foreach (var entry in Enumerable.Reverse(State.OpenPage))
        {
            if (entry.Sequence < before && items.Count < limit)
            {
                items.Add(entry);
            }
        }
        var firstOpen = State.OpenPage.Count > 0 ? State.OpenPage[0].Sequence : State.NextSequence;
        var newestPaged = Math.Min(before, firstOpen) - 1;
        for (var page = newestPaged / PageSize; newestPaged >= 0 && page >= 0 && items.Count < limit; page--)
        {
            var entries = await PageGrain(page).ReadAsync();
            for (var i = entries.Count - 1; i >= 0 && items.Count < limit; i--)
            {
                if (entries[i].Sequence < before)
                {
                    items.Add(entries[i]);
                }
            }
        }
        var hasMore = items.Count == limit && items[^1].Sequence > 0;
        return new LedgerPage(items, hasMore);
    }

    ILedgerPageGrain PageGrain(long page) =>
        GrainFactory.GetGrain<ILedgerPageGrain>(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{this.GetPrimaryKeyString()}/{page}"));
}
