using System.Diagnostics;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier.Connectors.Rate;
using BroadcastGrains.Routing;
using BroadcastGrains.Smpp.Tests.Cluster;
using BroadcastGrains.Testing;
using Kit = BroadcastGrains.Smpp.Tests.Cluster.Broadcasts;

namespace BroadcastGrains.Smpp.Tests.Rates;

/// <summary>
/// Connector rates and limits counted at a real SMSC process: parts per second, the roundRobin split, fairness
/// between broadcasts, and the daily limit holding the rest back. Each sends for a few seconds at most.
/// </summary>
[Collection(ConnectorRateCollection.Name)]
public sealed class ConnectorRateTests(ConnectorRateFixture cluster)
{
    static readonly string ThreeParts = string.Concat(Enumerable.Repeat("Three parts: sale ends Sunday at noon. ", 10));

    static RouteDefinition Through(string code, RouteStrategy strategy, params string[] connectors) =>
        new(code, null, null, null, connectors, strategy, null, null);

    [Fact]
    public async Task Round_robin_over_300_and_100_parts_per_second_splits_about_three_to_one()
    {
        await cluster.RouteAsync(Through("RR", RouteStrategy.RoundRobin, "rr-300", "rr-100"));
        var (a, b) = (ConnectorRateFixture.SystemIdOf("rr-300"), ConnectorRateFixture.SystemIdOf("rr-100"));
        var (beforeA, beforeB) = ((await cluster.Smsc.Control.StatsAsync(a)).Messages, (await cluster.Smsc.Control.StatsAsync(b)).Messages);
        var clientId = await Kit.NewClientAsync(cluster.Grains, 100m);
        var watch = Stopwatch.StartNew();

        var broadcast = await Kit.SendAsync(cluster.Grains, clientId, [.. Enumerable.Range(0, 1_200).Select(Kit.Us)], "Round robin");
        await broadcast.WaitUntilAsync(clientId, v => v.Status == BroadcastStatus.Completed,
            TimeSpan.FromSeconds(30), "completed");
        watch.Stop();

        var toA = (await cluster.Smsc.Control.StatsAsync(a)).Messages - beforeA;
        var toB = (await cluster.Smsc.Control.StatsAsync(b)).Messages - beforeB;
        Assert.Equal(1_200, toA + toB);
        Assert.InRange((double)toA / toB, 2.6, 3.4);
        // 1,200 parts at 400 parts/s together: about 3 s, never much less.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.6), $"1,200 parts took {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task A_connector_at_200_parts_per_second_takes_about_67_three_part_messages_a_second()
    {
        await cluster.RouteAsync(Through("P200", RouteStrategy.Failover, "p-200"));
        var systemId = ConnectorRateFixture.SystemIdOf("p-200");
        var clientId = await Kit.NewClientAsync(cluster.Grains, 1_000m);
        // A steady rate is what is measured: when this test runs first, the silo's send and receipt paths are still
        // being compiled, which costs the first seconds a third of their rate. A small broadcast warms them.
        var warm = await Kit.SendAsync(cluster.Grains, clientId, [.. Enumerable.Range(500, 30).Select(Kit.Us)], ThreeParts);
        await warm.WaitUntilAsync(clientId, v => v.Status == BroadcastStatus.Completed, TimeSpan.FromSeconds(30), "warm-up completed");
        var before = (await cluster.Smsc.Control.StatsAsync(systemId)).Messages;

        var broadcast = await Kit.SendAsync(cluster.Grains, clientId, [.. Enumerable.Range(0, 200).Select(Kit.Us)], ThreeParts);
        var rate = await SmscRate.MessagesPerSecondAsync(cluster.Smsc.Control, systemId, before, 20, 180, TimeSpan.FromSeconds(30));
        await broadcast.WaitUntilAsync(clientId, v => v.Status == BroadcastStatus.Completed, TimeSpan.FromSeconds(30), "completed");

        Assert.InRange(rate, 55, 75);
        var stats = await cluster.Smsc.Control.StatsAsync(systemId);
        Assert.Equal(0, stats.Duplicates);
    }

    [Fact]
    public async Task A_10_recipient_broadcast_beside_another_clients_100000_completes_within_5_s()
    {
        await cluster.RouteAsync(Through("FAIR", RouteStrategy.Failover, "fair-500"));
        var large = await Kit.NewClientAsync(cluster.Grains, 100_000m);
        var small = await Kit.NewClientAsync(cluster.Grains, 100m);
        var systemId = ConnectorRateFixture.SystemIdOf("fair-500");
        var before = (await cluster.Smsc.Control.StatsAsync(systemId)).Messages;
        var backlog = await Kit.SendAsync(cluster.Grains, large, [.. Enumerable.Range(0, 100_000).Select(Kit.Us)], "The big one");
        try
        {
            // The large one drains first (counted at the SMSC): its partitions' batches all wait at the connector's rate.
            await Eventually.ReadAsync(async () => (await cluster.Smsc.Control.StatsAsync(systemId)).Messages - before,
                sent => sent >= 1_000, TimeSpan.FromSeconds(30), "the large one draining");

            var watch = Stopwatch.StartNew();
            var broadcast = await Kit.SendAsync(cluster.Grains, small, [.. Enumerable.Range(200_000, 10).Select(Kit.Us)], "The small one");
            var done = await broadcast.WaitUntilAsync(small, v => v.Status == BroadcastStatus.Completed, TimeSpan.FromSeconds(20), "completed");
            watch.Stop();

            Assert.Equal(10, done.DrSummary.Delivered);
            // Still draining: the small one went beside it, not after it.
            Assert.True((await cluster.Smsc.Control.StatsAsync(systemId)).Messages - before < 20_000);
            Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(5), $"the 10 took {watch.Elapsed.TotalSeconds:F1} s after their 201");
        }
        finally
        {
            // Settled before the next test of this class measures a rate on the same silo: the cancelled 100,000 are
            // otherwise still being cancelled and receipted beside it.
            await backlog.CancelAsync(large);
            await backlog.WaitUntilAsync(large, v => v.DrSummary.Pending + v.DrSummary.Queued + v.DrSummary.Sent == 0,
                TimeSpan.FromSeconds(30), "every recipient final after the cancel");
        }
    }

    [Fact]
    public async Task Over_the_daily_limit_the_rest_waits_for_the_next_day_rather_than_failing()
    {
        await cluster.RouteAsync(Through("DAILY", RouteStrategy.Failover, "daily"));
        var systemId = ConnectorRateFixture.SystemIdOf("daily");
        var before = (await cluster.Smsc.Control.StatsAsync(systemId)).Messages;
        var clientId = await Kit.NewClientAsync(cluster.Grains, 100m);

        var broadcast = await Kit.SendAsync(cluster.Grains, clientId, [.. Enumerable.Range(0, 60).Select(Kit.Us)], "Daily");
        try
        {
            await Eventually.ReadAsync(async () => (await cluster.Smsc.Control.StatsAsync(systemId)).Messages - before,
                sent => sent >= ConnectorRateFixture.DailyLimit, TimeSpan.FromSeconds(30), "the limit's worth at the SMSC");
            await Task.Delay(TimeSpan.FromSeconds(1.5));

            var view = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Pending == 60 - ConnectorRateFixture.DailyLimit,
                TimeSpan.FromSeconds(20), "the rest pending");
            Assert.Equal(ConnectorRateFixture.DailyLimit, (await cluster.Smsc.Control.StatsAsync(systemId)).Messages - before);
            Assert.Equal(BroadcastStatus.Sending, view.Status);
            Assert.Equal(0, view.DrSummary.Failed + view.DrSummary.Blocked);
            var today = IConnectorDayGrain.KeyOf("daily", DateOnly.FromDateTime(DateTime.UtcNow));
            Assert.Equal(ConnectorRateFixture.DailyLimit, await cluster.Grains.GetGrain<IConnectorDayGrain>(today).LeasedAsync());
            Assert.Equal(ConnectorRateFixture.DailyLimit, cluster.Connectors.Find("daily")!.Tally.Today);
        }
        finally
        {
            await broadcast.CancelAsync(clientId);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConnectorRateCollection : ICollectionFixture<ConnectorRateFixture>
{
    public const string Name = "A silo with SMPP connectors under rates and limits";
}
