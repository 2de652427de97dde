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
    public async Task A_retried_capture_after_20000_other_operations_is_not_applied_twice()
    {
        var wallet = await WalletWithAsync(1_000m);
        var broadcast = BroadcastIds.New();
        await wallet.HoldAsync(new WalletOperation($"{broadcast}/hold/1", broadcast, 500m));
        var retried = new WalletOperation($"{broadcast}/1/0/capture/0", broadcast, 1m, 1, $"{broadcast}/1/0", 0);
        Assert.Equal(1m, (await wallet.CaptureAsync(retried)).Applied);

        // 100 other partitions capture 200 times each, in parallel as partitions do: 20,000 operations.
        await Task.WhenAll(Enumerable.Range(1, 100).Select(async partition =>
        {
            var source = $"{broadcast}/1/{partition}";
            for (var sequence = 0; sequence < 200; sequence++)
            {
                await wallet.CaptureAsync(new WalletOperation($"{source}/capture/{sequence}", broadcast, 0.01m, 1, source, sequence));
            }
        }));
        var again = await wallet.CaptureAsync(retried);

        Assert.Equal((1m, true), (again.Applied, again.Repeated));
        var view = await wallet.GetAsync();
        Assert.Equal((1_000m - 201m, 500m - 201m), (view.Balance, view.Held));
        var ledger = await LedgerReader.ReadAllAsync(wallet, pageSize: 1000);
        Assert.Equal(20_001, ledger.Count(e => e.Kind == LedgerKind.Capture));
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

        var capped = await wallet.CaptureAsync(new WalletOperation("capture-first", first, 12m));
        var nothingHeld = await wallet.CaptureAsync(new WalletOperation("capture-unheld", unheld, 3m));
        var retried = await wallet.CaptureAsync(new WalletOperation("capture-first", first, 12m));

        Assert.Equal((10m, 0m, 10m), (capped.Applied, nothingHeld.Applied, retried.Applied));

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
        await wallet.CloseRunAsync(broadcast, 1);
        var afterClose = await wallet.ReleaseRemainderAsync("release-1", broadcast);

        // A run is released once, whatever the operation id; once closed, the wallet holds nothing for it.
        Assert.Equal((3.5m, 3.5m, 3.5m, 0m), (released, retried, again, afterClose));
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
