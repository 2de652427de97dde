using System.Diagnostics;
using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Routing;
using BroadcastGrains.Smpp.Tests.Cluster;
using Xunit.Abstractions;
using Kit = BroadcastGrains.Smpp.Tests.Cluster.Broadcasts;

namespace BroadcastGrains.Smpp.Tests.Routing;

/// <summary>
/// Failover counted at the SMSCs: SMSC A stopped mid-broadcast, the rest of its route goes to B; each recipient was
/// given to exactly one connector, B got exactly the ones the cluster gave it, once each, and the broadcast completes.
/// </summary>
[Collection(TwoSmscCollection.Name)]
public sealed class SmscFailoverTests(TwoSmscFixture cluster, ITestOutputHelper output)
{
    const int Count = 10_000;

    static string Ug(int i) => string.Create(CultureInfo.InvariantCulture, $"+2567720{i / 9000}{1000 + (i % 9000)}");

    [Fact]
    public async Task Stopping_smsc_a_mid_broadcast_sends_the_rest_through_b_once_each()
    {
        Assert.True((await cluster.Grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).ReplaceAsync(
            [new RouteDefinition("UG_AB", ["UG"], null, null, ["smsc-a", "smsc-b"], RouteStrategy.Failover, null, null)])).Succeeded);
        await Task.Delay(SiloRoutes.RefreshEvery + TimeSpan.FromMilliseconds(200));
        await Eventually.ReadAsync(() => cluster.Connectors.Connectors.All(c => c.IsUp), up => up, TimeSpan.FromSeconds(20), "both connectors bound");
        // A slow A, so the broadcast is still on it when it stops.
        await cluster.A.Control.ConfigureAsync(TwoSmscFixture.SystemId, new Dictionary<string, object> { ["maxPerSecond"] = 1000 });
        var beforeB = await cluster.B.Control.StatsAsync(TwoSmscFixture.SystemId);
        var clientId = await Kit.NewClientAsync(cluster.Grains, 1_000m);
        var broadcast = await Kit.SendAsync(cluster.Grains, clientId, [.. Enumerable.Range(0, Count).Select(Ug)], "Failover: sale ends Sunday");
        await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent + v.DrSummary.Delivered >= 2_000, TimeSpan.FromSeconds(60), "2,000 accepted");

        try
        {
            await cluster.A.KillAsync();
            var stopped = Stopwatch.StartNew();
            await Eventually.ReadAsync(() => cluster.B.Control.StatsAsync(TwoSmscFixture.SystemId), s => s.Accepted > beforeB.Accepted,
                TimeSpan.FromSeconds(30), "B to take A's traffic");
            output.WriteLine($"traffic flowing on B {stopped.ElapsedMilliseconds} ms after A stopped");
            var done = await broadcast.WaitUntilAsync(clientId, v => v.Status == BroadcastStatus.Completed, TimeSpan.FromSeconds(150), "completed");

            var afterB = await cluster.B.Control.StatsAsync(TwoSmscFixture.SystemId);
            var recipients = await ReadAllAsync(broadcast, clientId);
            var onB = recipients.Count(r => r.Connector == "smsc-b");
            output.WriteLine($"on A {recipients.Count(r => r.Connector == "smsc-a")}, on B {onB}, {done.DrSummary}");
            Assert.Equal(Count, recipients.Count(r => r.Connector is "smsc-a" or "smsc-b"));
            Assert.Equal(onB, afterB.Accepted - beforeB.Accepted);
            Assert.Equal(0, afterB.Duplicates - beforeB.Duplicates);
            Assert.InRange(onB, 1, Count - 2_000);
            // A took its messages and died before sending their receipts (or before answering the last ones written to
            // it): those end in timeout on A, never sent again. Everything on B is delivered.
            Assert.Equal(Count, done.DrSummary.Delivered + done.DrSummary.Timeout);
            Assert.All(recipients.Where(r => r.Status == RecipientStatus.Timeout), r => Assert.Equal("smsc-a", r.Connector));
            Assert.All(recipients.Where(r => r.Connector == "smsc-b"), r => Assert.Equal(RecipientStatus.Delivered, r.Status));
        }
        finally
        {
            await cluster.A.RestartAsync();
        }
    }

    static async Task<List<RecipientView>> ReadAllAsync(IBroadcastGrain broadcast, string clientId)
    {
        var all = new List<RecipientView>();
        string? cursor = null;
        do
        {
            var page = await broadcast.GetRecipientsAsync(clientId, null, cursor, 1000);
            Assert.NotNull(page);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
