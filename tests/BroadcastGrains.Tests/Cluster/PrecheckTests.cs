using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class PrecheckTests(ClusterFixture cluster)
{
    /// <summary>300 US numbers, 20 of a country without a route, 5 that are no number, 10 US numbers again.</summary>
    static RecipientInput Mixed() => RecipientInput.FromStrings([
        .. Enumerable.Range(0, 300).Select(TestNumbers.Us),
        .. Enumerable.Range(0, 20).Select(TestNumbers.Nz),
        "not-a-number", "+1555", "call me", "n/a", "+4420",
        .. Enumerable.Range(100, 10).Select(TestNumbers.Us),
    ]);

    [Fact]
    public async Task Precheck_counts_prices_and_names_unroutable_numbers_without_creating_anything()
    {
        await TestNumbers.RemoveRouteAsync(cluster.Grains);
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var id = BroadcastIds.New();

        // Precheck counts duplicates rather than refusing them, whatever the command's policy.
        var outcome = await cluster.Grains.GetGrain<IBroadcastGrain>(id).PrecheckAsync(
            BroadcastKit.Command(clientId, Mixed(), onDuplicate: DuplicatePolicy.Reject));

        Assert.Null(outcome.Error);
        var precheck = outcome.Precheck!;
        Assert.Equal((325L, 5L, 10L, 0L), (precheck.TotalRecipients, precheck.Invalid, precheck.Duplicates, precheck.OptedOut));
        Assert.Equal(("GSM7", 1, 300L), (precheck.Encoding, precheck.SegmentsPerMessage, precheck.TotalSegments));
        Assert.Equal(300 * price, precheck.TotalCredits);
        Assert.Equal(10m, precheck.WalletBalance);
        Assert.Equal(10m - (300 * price), precheck.BalanceAfter);
        Assert.True(precheck.SufficientBalance);
        var breakdown = Assert.Single(precheck.Breakdown);
        Assert.Equal(("US", 300L, 300L, 300 * price), (breakdown.CountryCode, breakdown.Recipients, breakdown.Segments, breakdown.Credits));
        Assert.Equal(Enumerable.Range(0, 20).Select(TestNumbers.Nz).Order(), precheck.Unroutable.Order());

        Assert.Null(await cluster.Grains.GetGrain<IBroadcastGrain>(id).GetAsync(clientId));
        Assert.Empty(await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
        Assert.Equal(new WalletView(10m, 0m, (await wallet.GetAsync()).Currency), await wallet.GetAsync());
    }

    [Fact]
    public async Task Precheck_says_when_the_balance_is_not_enough()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 1m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        await wallet.HoldAsync(new WalletOperation("other-broadcast", BroadcastIds.New(), 0.5m));
        var recipients = RecipientInput.FromStrings([.. Enumerable.Range(0, 200).Select(TestNumbers.Us)]);

        var precheck = (await cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New()).PrecheckAsync(
            BroadcastKit.Command(clientId, recipients))).Precheck!;

        Assert.False(precheck.SufficientBalance);
        Assert.Equal(1m, precheck.WalletBalance);
        // What is left after the broadcast is measured from what is available, not from the balance.
        Assert.Equal(0.5m - (200 * price), precheck.BalanceAfter);
        Assert.Equal((1m, 0.5m), ((await wallet.GetAsync()).Balance, (await wallet.GetAsync()).Held));
    }

    [Fact]
    public async Task Numbers_of_a_country_without_a_route_are_blocked_and_cost_nothing()
    {
        await TestNumbers.RemoveRouteAsync(cluster.Grains);
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());

        await broadcast.CreateAsync(BroadcastKit.Command(clientId, Mixed()));
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        Assert.Equal(new DrSummary(0, 0, 0, 300, 0, 0, 0, 5, 20, 0, 0), done.DrSummary);
        Assert.Equal(300 * price, done.SpentCredits);
        var blocked = await broadcast.ReadRecipientsAsync(clientId, RecipientStatus.Blocked);
        Assert.Equal(Enumerable.Range(0, 20).Select(TestNumbers.Nz).Order(), blocked.Select(r => r.To).Order());
        Assert.All(blocked, r => Assert.Equal((0m, (string?)null), (r.Credits, r.CarrierMessageId)));
        Assert.All(blocked, r => Assert.NotNull(r.Error));
    }
}
