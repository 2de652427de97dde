using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>The wallet answers only what it stored: a failed write fails the call and changes nothing; the retry applies once.</summary>
[Collection(FaultyStorageClusterCollection.Name)]
public sealed class WalletWriteFailureTests(FaultyStorageClusterFixture cluster)
{
    [Fact]
    public async Task A_capture_whose_write_fails_answers_an_error_changes_nothing_and_its_retry_applies_once()
    {
        var wallet = cluster.Grains.GetGrain<IWalletGrain>("wallet-" + Guid.NewGuid().ToString("N"));
        var broadcast = BroadcastIds.New();
        await wallet.TopUpAsync("opening", 10m);
        await wallet.HoldAsync(new WalletOperation($"{broadcast}/hold/1", broadcast, 6m));
        var capture = new WalletOperation($"{broadcast}/1/0/capture/0", broadcast, 2m, 1, $"{broadcast}/1/0", 0);

        await cluster.FailNextWriteAsync(wallet, "wallet");
        await Assert.ThrowsAnyAsync<Exception>(() => wallet.CaptureAsync(capture));

        var afterFailure = await wallet.GetAsync();
        Assert.Equal((10m, 6m), (afterFailure.Balance, afterFailure.Held));
        var retried = await wallet.CaptureAsync(capture);
        var again = await wallet.CaptureAsync(capture);
        Assert.Equal((2m, false), (retried.Applied, retried.Repeated));
        Assert.Equal((2m, true), (again.Applied, again.Repeated));
        var view = await wallet.GetAsync();
        Assert.Equal((8m, 4m), (view.Balance, view.Held));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        Assert.Single(ledger, e => e.Kind == LedgerKind.Capture);
        LedgerReader.AssertAddsUp(ledger, view);
    }

    [Fact]
    public async Task A_hold_whose_write_fails_holds_nothing_and_its_retry_holds_once()
    {
        var wallet = cluster.Grains.GetGrain<IWalletGrain>("wallet-" + Guid.NewGuid().ToString("N"));
        var broadcast = BroadcastIds.New();
        await wallet.TopUpAsync("opening", 10m);
        var hold = new WalletOperation($"{broadcast}/hold/1", broadcast, 6m);

        await cluster.FailNextWriteAsync(wallet, "wallet");
        await Assert.ThrowsAnyAsync<Exception>(() => wallet.HoldAsync(hold));

        Assert.Equal(0m, (await wallet.GetAsync()).Held);
        Assert.True((await wallet.HoldAsync(hold)).Held);
        Assert.True((await wallet.HoldAsync(hold)).Held);
        var view = await wallet.GetAsync();
        Assert.Equal((10m, 6m), (view.Balance, view.Held));
        LedgerReader.AssertAddsUp(await LedgerReader.ReadAllAsync(wallet), view);
    }
}
