using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Failed and expired messages: charged, and refunded only to clients with <c>refundFailed</c>.</summary>
[Collection(ThrottledClusterCollection.Name)]
public sealed class RefundTests(ThrottledClusterFixture cluster)
{
    /// <summary>2,000 numbers of which the carrier fails about a fifth, plus five that always fail and five that expire.</summary>
    static RecipientInput Recipients() => RecipientInput.FromStrings([
        .. Enumerable.Range(0, 2000).Select(TestNumbers.Us),
        .. Enumerable.Range(0, 5).Select(k => TestNumbers.UsEndingIn(1, k)),
        .. Enumerable.Range(0, 5).Select(k => TestNumbers.UsEndingIn(3, k)),
    ]);

    async Task<(string Id, BroadcastView Done, WalletView Before, IWalletGrain Wallet)> SendAsync(bool refundFailed)
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m, refundFailed);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var before = await wallet.GetAsync();
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        await broadcast.CreateAsync(BroadcastKit.Command(clientId, Recipients()));
        return (id, await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed), before, wallet);
    }

    [Fact]
    public async Task A_refund_failed_client_gets_back_the_cost_of_failed_and_expired_messages()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");

        var (id, done, before, wallet) = await SendAsync(refundFailed: true);

        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        var failed = await broadcast.ReadRecipientsAsync(done.ClientId, RecipientStatus.Failed);
        var expired = await broadcast.ReadRecipientsAsync(done.ClientId, RecipientStatus.Expired);
        Assert.True(failed.Count > 5, "the carrier's failure share failed nothing");
        Assert.Equal(5, expired.Count);
        Assert.Equal(failed.Concat(expired).Sum(r => r.Credits), done.RefundedCredits);
        Assert.Equal((done.DrSummary.Failed + done.DrSummary.Expired) * price, done.RefundedCredits);
        Assert.Equal(2010 * price, done.SpentCredits);
        var after = await wallet.GetAsync();
        Assert.Equal(done.SpentCredits - done.RefundedCredits, before.Balance - after.Balance);
        Assert.Equal(0m, after.Held);
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        LedgerReader.AssertAddsUp(ledger, after);
        Assert.Equal(done.RefundedCredits, ledger.Where(e => e.BroadcastId == id && e.Kind == LedgerKind.Refund).Sum(e => e.Amount));
    }

    [Fact]
    public async Task A_client_without_refund_failed_pays_for_failed_messages()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");

        var (_, done, before, wallet) = await SendAsync(refundFailed: false);

        Assert.True(done.DrSummary.Failed > 5, "the carrier's failure share failed nothing");
        Assert.Equal(0m, done.RefundedCredits);
        Assert.Equal(2010 * price, done.SpentCredits);
        Assert.Equal(done.SpentCredits, before.Balance - (await wallet.GetAsync()).Balance);
    }
}
