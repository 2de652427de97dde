using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Smpp.Rate;

namespace BroadcastGrains.Smpp.Tests.Link;

[Collection(LinkCollection.Name)]
public sealed class RateShareTests(LinkFixture fixture)
{
    [Fact]
    public async Task The_cluster_rate_is_split_among_the_silos_that_send_and_the_shares_add_up_to_it()
    {
        var rate = fixture.Grains.GetGrain<ISmppRateGrain>("smpp");
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
    public async Task A_link_under_a_cluster_rate_takes_its_share_and_submits_every_message_once()
    {
        await using var link = CarrierUnderTest.Create(fixture, o => o.MaxSubmitsPerSecond = 5_000);
        var numbers = Enumerable.Range(0, 300).Select(i => 447_700_950_000L + (i * 10) + 6).ToList();

        var results = await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_rate/0", numbers, "Paced"), TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.Equal(SubmitStatus.Accepted, r.Status));
        var stats = await fixture.Smsc.Control.StatsAsync(link.SystemId);
        Assert.Equal((300, 0), (stats.Accepted, stats.Duplicates));
        Assert.Contains(link.Logs.Lines, l => l.Text.Contains("this silo's share is 5000/s", StringComparison.Ordinal));
    }
}
