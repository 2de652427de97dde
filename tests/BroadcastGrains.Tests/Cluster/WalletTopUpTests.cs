using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class WalletTopUpTests(ClusterFixture cluster)
{
    IWalletGrain NewWallet() => cluster.Grains.GetGrain<IWalletGrain>("wallet-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Top_up_is_idempotent_by_reference()
    {
        var wallet = NewWallet();

        var first = await wallet.TopUpAsync("invoice-17", 25.5m);
        var retried = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => wallet.TopUpAsync("invoice-17", 25.5m)));

        Assert.False(first.ReferenceReused);
        Assert.All(retried, r => Assert.False(r.ReferenceReused));
        Assert.All(retried, r => Assert.Equal(25.5m, r.Wallet.Balance));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        var topUp = Assert.Single(ledger);
        Assert.Equal((LedgerKind.TopUp, 25.5m, 0m, "invoice-17"), (topUp.Kind, topUp.Amount, topUp.HeldDelta, topUp.Reference));
    }

    [Fact]
    public async Task Top_up_reusing_a_reference_with_another_amount_is_refused_and_moves_nothing()
    {
        var wallet = NewWallet();
        await wallet.TopUpAsync("invoice-18", 10m);

        var reused = await wallet.TopUpAsync("invoice-18", 99m);

        Assert.True(reused.ReferenceReused);
        Assert.Equal(new WalletView(10m, 0m, reused.Wallet.Currency), reused.Wallet);
        Assert.Equal(10m, (await wallet.GetAsync()).Balance);
        Assert.Single(await LedgerReader.ReadAllAsync(wallet));
    }

    [Fact]
    public async Task Top_ups_with_different_references_all_count()
    {
        var wallet = NewWallet();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => wallet.TopUpAsync($"invoice-{i}", 1.25m)));

        var view = await wallet.GetAsync();
        Assert.Equal(25m, view.Balance);
        LedgerReader.AssertAddsUp(await LedgerReader.ReadAllAsync(wallet), view);
    }
}
