using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class WalletHoldTests(ClusterFixture cluster)
{
    async Task<IWalletGrain> WalletWithAsync(decimal credits)
    {
        var wallet = cluster.Grains.GetGrain<IWalletGrain>("wallet-" + Guid.NewGuid().ToString("N"));
        await wallet.TopUpAsync("opening", credits);
        return wallet;
    }

    [Fact]
    public async Task Hold_over_what_is_available_is_refused_and_changes_nothing()
    {
        var wallet = await WalletWithAsync(10m);
        var first = BroadcastIds.New();
        Assert.True((await wallet.HoldAsync(new WalletOperation("hold-1", first, 6m))).Held);

        var refused = await wallet.HoldAsync(new WalletOperation("hold-2", BroadcastIds.New(), 4.0001m));

        Assert.False(refused.Held);
        Assert.Equal(4m, refused.Available);
        Assert.Equal(4.0001m, refused.Requested);
        var view = await wallet.GetAsync();
        Assert.Equal((10m, 6m, 4m), (view.Balance, view.Held, view.Available));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        Assert.Equal([LedgerKind.Hold, LedgerKind.TopUp], ledger.Select(e => e.Kind));
        LedgerReader.AssertAddsUp(ledger, view);
    }

    [Fact]
    public async Task A_refused_hold_can_succeed_once_credits_are_added()
    {
        var wallet = await WalletWithAsync(1m);
        var hold = new WalletOperation("hold-after-top-up", BroadcastIds.New(), 3m);
        Assert.False((await wallet.HoldAsync(hold)).Held);

        await wallet.TopUpAsync("more", 2m);

        Assert.True((await wallet.HoldAsync(hold)).Held);
        var view = await wallet.GetAsync();
        Assert.Equal((3m, 3m, 0m), (view.Balance, view.Held, view.Available));
    }

    [Fact]
    public async Task Concurrent_holds_never_hold_more_than_the_balance()
    {
        var wallet = await WalletWithAsync(100m);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            wallet.HoldAsync(new WalletOperation($"hold-{i}", BroadcastIds.New(), 0.7m))));

        var held = results.Where(r => r.Held).Sum(r => r.Requested);
        Assert.True(held <= 100m, $"held {held} of a balance of 100");
        // Holds are serialized, so only the ones that no longer fit are refused.
        Assert.Equal(142, results.Count(r => r.Held));
        Assert.All(results.Where(r => !r.Held), r => Assert.True(r.Available < r.Requested));
        var view = await wallet.GetAsync();
        Assert.Equal((100m, held), (view.Balance, view.Held));
        Assert.Equal(view.Balance, view.Available + view.Held);
        LedgerReader.AssertAddsUp(await LedgerReader.ReadAllAsync(wallet), view);
    }

    [Fact]
    public async Task Hold_is_idempotent_by_operation_id()
    {
        var wallet = await WalletWithAsync(10m);
        var hold = new WalletOperation("hold-once", BroadcastIds.New(), 4m);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => wallet.HoldAsync(hold)));
        var retried = await wallet.HoldAsync(hold);

        Assert.All(results.Append(retried), r => Assert.True(r.Held));
        var view = await wallet.GetAsync();
        Assert.Equal((10m, 4m), (view.Balance, view.Held));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        Assert.Single(ledger, e => e.Kind == LedgerKind.Hold);
        LedgerReader.AssertAddsUp(ledger, view);
    }
}
