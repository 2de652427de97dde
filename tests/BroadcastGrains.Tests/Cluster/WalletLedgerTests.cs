using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class WalletLedgerTests(ClusterFixture cluster)
{
    /// <summary>More than two of the wallet's 256-entry ledger pages, every kind of entry, retries mixed in.</summary>
    static async Task<IWalletGrain> BusyWalletAsync(IGrainFactory grains)
    {
        var wallet = grains.GetGrain<IWalletGrain>("wallet-" + Guid.NewGuid().ToString("N"));
        for (var i = 0; i < 150; i++)
        {
            var broadcast = BroadcastIds.New();
            await wallet.TopUpAsync($"invoice-{i}", 1m);
            await wallet.TopUpAsync($"invoice-{i}", 1m);
            await wallet.HoldAsync(new WalletOperation($"{broadcast}/hold", broadcast, 0.8m));
            await wallet.CaptureAsync(new WalletOperation($"{broadcast}/capture", broadcast, 0.5m));
            await wallet.CaptureAsync(new WalletOperation($"{broadcast}/capture", broadcast, 0.5m));
            if (i % 3 == 0)
            {
                await wallet.RefundAsync(new WalletOperation($"{broadcast}/refund", broadcast, 0.25m));
            }
            if (i % 2 == 0)
            {
                await wallet.ReleaseRemainderAsync($"{broadcast}/release", broadcast);
            }
        }
        return wallet;
    }

    [Fact]
    public async Task Ledger_pages_newest_first_without_gaps_or_repeats_and_sums_to_the_balances()
    {
        var wallet = await BusyWalletAsync(cluster.Grains);
        var view = await wallet.GetAsync();

        var ledger = await LedgerReader.ReadAllAsync(wallet, pageSize: 37);

        // 150 top-ups, holds and captures, 50 refunds, 75 releases.
        Assert.Equal(575, ledger.Count);
        Assert.Equal(150, ledger.Count(e => e.Kind == LedgerKind.TopUp));
        Assert.Equal(150, ledger.Count(e => e.Kind == LedgerKind.Hold));
        Assert.Equal(150, ledger.Count(e => e.Kind == LedgerKind.Capture));
        Assert.Equal(50, ledger.Count(e => e.Kind == LedgerKind.Refund));
        Assert.Equal(75, ledger.Count(e => e.Kind == LedgerKind.Release));
        LedgerReader.AssertAddsUp(ledger, view);
        Assert.Equal(150m - 75m + 12.5m, view.Balance);
        Assert.Equal(75 * 0.3m, view.Held);
    }

    [Fact]
    public async Task Ledger_reads_the_same_whatever_the_page_size()
    {
        var wallet = await BusyWalletAsync(cluster.Grains);

        var inOneRead = await LedgerReader.ReadAllAsync(wallet, pageSize: 1000);
        var byPageBoundary = await LedgerReader.ReadAllAsync(wallet, pageSize: 256);
        var bySmallPages = await LedgerReader.ReadAllAsync(wallet, pageSize: 10);

        Assert.Equal(inOneRead, byPageBoundary);
        Assert.Equal(inOneRead, bySmallPages);
    }

    [Fact]
    public async Task Ledger_before_a_sequence_starts_just_below_it()
    {
        var wallet = await BusyWalletAsync(cluster.Grains);

        foreach (var before in new long[] { 574, 512, 511, 257, 256, 255, 1 })
        {
            var page = await wallet.GetLedgerAsync(before, 3);
            Assert.Equal(Enumerable.Range(0, (int)Math.Min(3, before)).Select(k => before - 1 - k), page.Items.Select(e => e.Sequence));
        }
        var last = await wallet.GetLedgerAsync(1, 3);
        Assert.False(last.HasMore);
    }
}
