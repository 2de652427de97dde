using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Routing;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Routing.Cluster;

/// <summary>
/// The send path routes by the table: UG through <c>sim-a</c>, US through <c>sim-b</c>, each recipient's page showing
/// its route and connector; a country no route takes is <c>blocked</c> <c>no_route</c> and costs nothing; an MMS whose
/// route has only SMPP is <c>blocked</c> <c>mms_not_supported</c> and costs nothing.
/// </summary>
[Collection(RoutedClusterCollection.Name)]
public sealed class RoutedSendTests(RoutedClusterFixture cluster) : IAsyncLifetime
{
    static string Ug(int i) => string.Create(CultureInfo.InvariantCulture, $"+25677{1_000_000 + i}");
    static string Ke(int i) => string.Create(CultureInfo.InvariantCulture, $"+25471{1_000_000 + i}");

    public async Task InitializeAsync()
    {
        var change = await cluster.Grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).ReplaceAsync(
        [
            new RouteDefinition("UG_A", ["UG"], null, null, ["sim-a"], RouteStrategy.Failover, null, null),
            new RouteDefinition("US_B", ["US"], null, null, ["sim-b"], RouteStrategy.Failover, null, null),
            new RouteDefinition("KE_SMPP", ["KE"], null, null, ["smsc-down"], RouteStrategy.Failover, null, null),
        ]);
        Assert.True(change.Succeeded);
        // Wait out the silo's copy of the table (it checks the version at most once a second).
        await Task.Delay(SiloRoutes.RefreshEvery + TimeSpan.FromMilliseconds(200));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Ug_goes_through_a_and_us_through_b_and_unrouted_ones_are_blocked_uncharged()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var numbers = Enumerable.Range(0, 30).Select(i => Ug(i * 10)).Concat(Enumerable.Range(0, 20).Select(TestNumbers.Us))
            .Concat(Enumerable.Range(0, 5).Select(TestNumbers.Nz)).ToList();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId, RecipientInput.FromStrings(numbers)));

        await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        var recipients = await broadcast.ReadRecipientsAsync(clientId);

        Assert.All(recipients.Where(r => r.To.StartsWith("+256", StringComparison.Ordinal)), r =>
            Assert.Equal(("UG_A", "sim-a", RecipientStatus.Delivered), (r.Route, r.Connector, r.Status)));
        Assert.All(recipients.Where(r => r.To.StartsWith("+1", StringComparison.Ordinal)), r =>
            Assert.Equal(("US_B", "sim-b", RecipientStatus.Delivered), (r.Route, r.Connector, r.Status)));
        var unrouted = recipients.Where(r => r.To.StartsWith("+64", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, unrouted.Count);
        Assert.All(unrouted, r => Assert.Equal((RecipientStatus.Blocked, "no_route", 0m, (string?)null), (r.Status, r.Error, r.Credits, r.Connector)));
        Assert.Equal(50, recipients.Count(r => r.Status == RecipientStatus.Delivered));
    }

    [Fact]
    public async Task An_mms_whose_route_has_only_smpp_is_blocked_mms_not_supported_uncharged()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var command = BroadcastKit.Command(clientId, RecipientInput.FromStrings([Ke(1), Ke(2), TestNumbers.Us(7)])) with
        {
            MediaUrls = ["https://example.com/sale.jpg"],
        };
        await broadcast.CreateAsync(command);

        await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        var recipients = await broadcast.ReadRecipientsAsync(clientId);

        var kenyan = recipients.Where(r => r.To.StartsWith("+254", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, kenyan.Count);
        Assert.All(kenyan, r => Assert.Equal((RecipientStatus.Blocked, "mms_not_supported", 0m, "KE_SMPP"), (r.Status, r.Error, r.Credits, r.Route)));
        var us = recipients.Single(r => r.To.StartsWith("+1", StringComparison.Ordinal));
        Assert.Equal(("US_B", "sim-b", RecipientStatus.Delivered), (us.Route, us.Connector, us.Status));
    }
}
