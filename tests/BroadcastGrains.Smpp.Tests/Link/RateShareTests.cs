using BroadcastGrains.Carrier;
using System.Diagnostics;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Carrier.Connectors.Rate;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Smpp.Tests.Link;

[Collection(LinkCollection.Name)]
public sealed class RateShareTests(LinkFixture fixture)
{
    [Fact]
    public async Task The_cluster_rate_is_split_among_the_silos_that_send_and_the_shares_add_up_to_it()
    {
        var rate = fixture.Grains.GetGrain<IConnectorRateGrain>("smpp");
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var alone = await rate.ShareAsync(first, 1_000);
        await rate.ShareAsync(second, 1_000);
        await rate.ShareAsync(third, 1_000);
        var shares = new[] { await rate.ShareAsync(first, 1_000), await rate.ShareAsync(second, 1_000), await rate.ShareAsync(third, 1_000) };

        Assert.Equal(1_000, alone);
        Assert.Equal(1_000, shares.Sum());
        Assert.All(shares, s => Assert.InRange(s, 333, 334));
        await rate.LeaveAsync(second);
        await rate.LeaveAsync(third);
        Assert.Equal(1_000, await rate.ShareAsync(first, 1_000));
        await rate.LeaveAsync(first);
    }

    [Fact]
    public async Task A_link_under_a_connector_rate_takes_its_share_and_submits_every_message_once()
    {
        await using var link = CarrierUnderTest.Create(fixture);
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(link.Logs));
        await using var gate = new ConnectorRateGate("rate-" + link.SystemId, 1_000, fixture.Grains, TimeProvider.System,
            loggers.CreateLogger<ConnectorRateGate>());
        var paced = new PacedCarrierLink(link.Carrier, gate, null);
        var numbers = Enumerable.Range(0, 300).Select(i => 447_700_950_000L + (i * 10) + 6).ToList();
        var results = new SubmitResult[numbers.Count];

        var watch = Stopwatch.StartNew();
        await paced.SubmitAsync(CarrierUnderTest.Batch("bc_rate/0/0", numbers, "Paced"), results, CancellationToken.None);
        watch.Stop();

        Assert.All(results, r => Assert.Equal(SubmitStatus.Accepted, r.Status));
        var stats = await fixture.Smsc.Control.StatsAsync(link.SystemId);
        Assert.Equal((300, 0), (stats.Accepted, stats.Duplicates));
        // 300 parts at 1,000 parts/s: not much under 0.3 s (a tick's worth may go at once).
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"300 parts took only {watch.ElapsedMilliseconds} ms");
        Assert.Contains(link.Logs.Lines, l => l.Text.Contains("this silo's share is 1000 parts/s", StringComparison.Ordinal));
    }
}
