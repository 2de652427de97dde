using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// A capture answers what the wallet actually took, and the partition records that: when a run's hold runs out
/// mid-send, the broadcast's <c>spentCredits</c> is what the ledger charged, not what the partitions asked for.
/// </summary>
[Collection(ThrottledClusterCollection.Name)]
public sealed class CappedCaptureTests(ThrottledClusterFixture cluster)
{
    [Fact]
    public async Task Captures_beyond_the_hold_are_recorded_as_what_the_wallet_took()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 500m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var before = await wallet.GetAsync();
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 10_000).Select(TestNumbers.Us)])));
        await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Accepted() >= 1000, "a thousand messages sent");

        // The run's hold runs out under the partitions: its release comes early (the broadcast's own, by its id).
        var releasedEarly = await wallet.ReleaseRemainderAsync($"{id}/release/1", id, 1);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        Assert.True(releasedEarly > 0, "the hold was spent before the release");
        Assert.True(done.SpentCredits < 10_000 * price, $"spent {done.SpentCredits}: the captures after the release took nothing");
        var after = await wallet.GetAsync();
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        LedgerReader.AssertAddsUp(ledger, after);
        Assert.Equal(-done.SpentCredits, ledger.Where(e => e.BroadcastId == id && e.Kind == LedgerKind.Capture).Sum(e => e.Amount));
        Assert.Equal(done.SpentCredits, before.Balance - after.Balance);
        Assert.Equal(done.EstimatedCredits, done.SpentCredits + releasedEarly);
        Assert.Equal((0m, 0m), (after.Held, done.HeldCredits));
        // Every partition is done: the broadcast tells the wallet to forget the run, so its state stays bounded.
        await Eventually.ReadAsync(() => cluster.ReadStoredAsync<WalletState>("wallet", wallet.GetGrainId()),
            stored => stored.Runs.Count == 0, "the wallet to forget the finished run");
    }
}
