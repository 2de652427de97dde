using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Routing;
using BroadcastGrains.Smpp.Tests.Cluster;
using Kit = BroadcastGrains.Smpp.Tests.Cluster.Broadcasts;

namespace BroadcastGrains.Smpp.Tests.Routing;

/// <summary>
/// Routing counted at the SMSCs: with UG routed to SMSC A and US to SMSC B, each SMSC process received exactly its
/// country's numbers, once each.
/// </summary>
[Collection(TwoSmscCollection.Name)]
public sealed class TwoSmscRoutingTests(TwoSmscFixture cluster)
{
    /// <summary>Ugandan numbers (+256 77 …) whose last four digits run 1000–9999, so the test SMSC delivers them.</summary>
    static string Ug(int i) => string.Create(CultureInfo.InvariantCulture, $"+2567710{i / 9000}{1000 + (i % 9000)}");

    [Fact]
    public async Task Ug_goes_to_smsc_a_and_us_to_smsc_b_each_getting_exactly_its_numbers()
    {
        await RouteAsync(
            new RouteDefinition("UG_A", ["UG"], null, null, ["smsc-a"], RouteStrategy.Failover, null, null),
            new RouteDefinition("US_B", ["US"], null, null, ["smsc-b"], RouteStrategy.Failover, null, null));
        var ug = Enumerable.Range(0, 300).Select(Ug).ToList();
        var us = Enumerable.Range(0, 200).Select(Kit.Us).ToList();
        var (beforeA, beforeB) = (await cluster.A.Control.StatsAsync(TwoSmscFixture.SystemId), await cluster.B.Control.StatsAsync(TwoSmscFixture.SystemId));
        var clientId = await Kit.NewClientAsync(cluster.Grains, 100m);

        var broadcast = await Kit.SendAsync(cluster.Grains, clientId, [.. ug, .. us], "Routed: sale ends Sunday");
        var done = await broadcast.WaitUntilAsync(clientId, v => v.Status == BroadcastStatus.Completed, TimeSpan.FromSeconds(60), "completed");

        Assert.Equal(500, done.DrSummary.Delivered);
        var (afterA, afterB) = (await cluster.A.Control.StatsAsync(TwoSmscFixture.SystemId), await cluster.B.Control.StatsAsync(TwoSmscFixture.SystemId));
        Assert.Equal((300, 0), (afterA.Accepted - beforeA.Accepted, afterA.Duplicates - beforeA.Duplicates));
        Assert.Equal((200, 0), (afterB.Accepted - beforeB.Accepted, afterB.Duplicates - beforeB.Duplicates));
        foreach (var number in ug)
        {
            Assert.Single(await cluster.A.Control.MessagesAsync(TwoSmscFixture.SystemId, number[1..]));
            Assert.Empty(await cluster.B.Control.MessagesAsync(TwoSmscFixture.SystemId, number[1..]));
        }
        foreach (var number in us)
        {
            Assert.Single(await cluster.B.Control.MessagesAsync(TwoSmscFixture.SystemId, number[1..]));
            Assert.Empty(await cluster.A.Control.MessagesAsync(TwoSmscFixture.SystemId, number[1..]));
        }
    }

    async Task RouteAsync(params RouteDefinition[] routes)
    {
        Assert.True((await cluster.Grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).ReplaceAsync(routes)).Succeeded);
        // The silo's copy of the table checks the version at most once a second.
        await Task.Delay(SiloRoutes.RefreshEvery + TimeSpan.FromMilliseconds(200));
        await Eventually.ReadAsync(() => Task.FromResult(cluster.Connectors.Connectors.All(c => c.IsUp)), up => up,
            TimeSpan.FromSeconds(20), "both connectors bound");
    }
}
