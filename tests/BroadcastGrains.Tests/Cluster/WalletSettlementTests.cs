using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Capture, refund and release: what a broadcast spends and gives back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WalletSettlementTests(ClusterFixture cluster)
{
    async Task<IWalletGrain> WalletWithAsync(decimal credits)
    {
        var wallet = cluster.Grains.GetGrain<IWalletGrain>("wallet-" + Guid.NewGuid().ToString("N"));
        await wallet.TopUpAsync("opening", credits);
        return wallet;
    }

    [Fact]
    public async Task A_retried_capture_moves_money_once()
    {
        var wallet = await WalletWithAsync(10m);
        var broadcast = BroadcastIds.New();
        await wallet.HoldAsync(new WalletOperation("hold", broadcast, 5m));
        var capture = new WalletOperation("capture-1", broadcast, 2m);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => wallet.CaptureAsync(capture)));
        await wallet.CaptureAsync(capture);

        var view = await wallet.GetAsync();
        Assert.Equal((8m, 3m, 5m), (view.Balance, view.Held, view.Available));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        var captured = Assert.Single(ledger, e => e.Kind == LedgerKind.Capture);
        Assert.Equal((-2m, -2m, broadcast), (captured.Amount, captured.HeldDelta, captured.BroadcastId));
        LedgerReader.AssertAddsUp(ledger, view);
    }

    [Fact]
    public async Task A_retried_refund_moves_money_once()
    {
        var wallet = await WalletWithAsync(10m);
        var broadcast = BroadcastIds.New();
        await wallet.HoldAsync(new WalletOperation("hold", broadcast, 5m));
        await wallet.CaptureAsync(new WalletOperation("capture", broadcast, 5m));
        var refund = new WalletOperation("refund-1", broadcast, 1.5m);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => wallet.RefundAsync(refund)));
        await wallet.RefundAsync(refund);

        var view = await wallet.GetAsync();
        Assert.Equal((6.5m, 0m), (view.Balance, view.Held));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        var refunded = Assert.Single(ledger, e => e.Kind == LedgerKind.Refund);
        Assert.Equal((1.5m, 0m), (refunded.Amount, refunded.HeldDelta));
        LedgerReader.AssertAddsUp(ledger, view);
    }

    [Fact]
    public async Task Capture_never_spends_more_than_the_broadcast_holds()
    {
        var wallet = await WalletWithAsync(20m);
        var (first, second, unheld) = (BroadcastIds.New(), BroadcastIds.New(), BroadcastIds.New());
        await wallet.HoldAsync(new WalletOperation("hold-first", first, 10m));
        await wallet.HoldAsync(new WalletOperation("hold-second", second, 5m));

        await wallet.CaptureAsync(new WalletOperation("capture-first", first, 12m));
        await wallet.CaptureAsync(new WalletOperation("capture-unheld", unheld, 3m));

        var view = await wallet.GetAsync();
        Assert.Equal((10m, 5m, 5m), (view.Balance, view.Held, view.Available));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        Assert.Equal(-10m, ledger.Where(e => e.BroadcastId == first).Sum(e => e.Amount));
        Assert.Equal(0m, ledger.Where(e => e.BroadcastId == unheld).Sum(e => e.Amount));
        // The other broadcast's hold is untouched: it can still spend all of it.
        await wallet.CaptureAsync(new WalletOperation("capture-second", second, 5m));
        view = await wallet.GetAsync();
        Assert.Equal((5m, 0m), (view.Balance, view.Held));
        LedgerReader.AssertAddsUp(await LedgerReader.ReadAllAsync(wallet), view);
    }

    [Fact]
    public async Task Release_remainder_releases_exactly_the_rest_once()
    {
        var wallet = await WalletWithAsync(10m);
        var broadcast = BroadcastIds.New();
        await wallet.HoldAsync(new WalletOperation("hold", broadcast, 6m));
        await wallet.CaptureAsync(new WalletOperation("capture", broadcast, 2.5m));

        var released = await wallet.ReleaseRemainderAsync("release-1", broadcast);
        var retried = await wallet.ReleaseRemainderAsync("release-1", broadcast);
        var again = await wallet.ReleaseRemainderAsync("release-2", broadcast);

        Assert.Equal(3.5m, released);
        Assert.Equal(3.5m, retried);
        Assert.Equal(0m, again);
        var view = await wallet.GetAsync();
        Assert.Equal((7.5m, 0m, 7.5m), (view.Balance, view.Held, view.Available));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        var release = Assert.Single(ledger, e => e.Kind == LedgerKind.Release);
        Assert.Equal((0m, -3.5m), (release.Amount, release.HeldDelta));
        LedgerReader.AssertAddsUp(ledger, view);
    }

    [Fact]
    public async Task Release_remainder_leaves_other_broadcasts_holds_alone()
    {
        var wallet = await WalletWithAsync(10m);
        var (released, kept) = (BroadcastIds.New(), BroadcastIds.New());
        await wallet.HoldAsync(new WalletOperation("hold-released", released, 4m));
        await wallet.HoldAsync(new WalletOperation("hold-kept", kept, 3m));

        Assert.Equal(4m, await wallet.ReleaseRemainderAsync("release", released));

        var view = await wallet.GetAsync();
        Assert.Equal((10m, 3m), (view.Balance, view.Held));
        Assert.Equal(3m, await wallet.ReleaseRemainderAsync("release-kept", kept));
    }
}
