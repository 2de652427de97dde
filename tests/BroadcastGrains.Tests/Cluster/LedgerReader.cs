using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Reads a whole ledger, newest first, a page at a time through <c>beforeSequence</c> cursors.</summary>
internal static class LedgerReader
{
    public static async Task<List<LedgerEntry>> ReadAllAsync(IWalletGrain wallet, int pageSize = 100)
    {
        var entries = new List<LedgerEntry>();
        long? before = null;
        while (true)
        {
            var page = await wallet.GetLedgerAsync(before, pageSize);
            Assert.True(page.Items.Count <= pageSize, $"a page of {page.Items.Count} entries was asked for {pageSize}");
            entries.AddRange(page.Items);
            if (!page.HasMore)
            {
                return entries;
            }
            Assert.NotEmpty(page.Items);
            before = page.Items[^1].Sequence;
        }
    }

    /// <summary>Checks what every ledger must satisfy: newest first, no gaps or repeats, sums equal to the balances.</summary>
    public static void AssertAddsUp(IReadOnlyList<LedgerEntry> ledger, WalletView wallet)
    {
        for (var i = 0; i < ledger.Count; i++)
        {
            Assert.Equal(ledger.Count - 1 - i, ledger[i].Sequence);
        }
        Assert.Equal(wallet.Balance, ledger.Sum(e => e.Amount));
        Assert.Equal(wallet.Held, ledger.Sum(e => e.HeldDelta));
        Assert.Equal(wallet.Balance, wallet.Available + wallet.Held);
    }
}
