using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Smpp.Tests.Cluster;

[Collection(SmppClusterCollection.Name)]
public sealed class SmppBroadcastTests(SmppClusterFixture cluster)
{
    [Fact]
    public async Task A_fifty_thousand_recipient_broadcast_completes_with_one_submit_each_and_the_receipts_in_its_counts()
    {
        var recipients = Enumerable.Range(0, 49_970).Select(Broadcasts.Us)
            .Concat(Enumerable.Range(0, 10).Select(k => Broadcasts.UsEndingIn(1, k)))
            .Concat(Enumerable.Range(0, 10).Select(k => Broadcasts.UsEndingIn(2, k)))
            .Concat(Enumerable.Range(0, 10).Select(k => Broadcasts.UsEndingIn(3, k))).ToList();
        var before = await cluster.Smsc.Control.StatsAsync(SmppClusterFixture.SystemId);
        var clientId = await Broadcasts.NewClientAsync(cluster.Grains, 1_000m);

        var broadcast = await Broadcasts.SendAsync(cluster.Grains, clientId, recipients, "Fifty thousand: sale ends Sunday");
        var done = await broadcast.WaitUntilAsync(clientId, v => v.Status == BroadcastStatus.Completed, TimeSpan.FromSeconds(90), "completed");

        Assert.Equal(new DrSummary(0, 0, 0, 49_970, 10, 10, 0, 0, 10, 0, 0), done.DrSummary);
        // The SMSC counts a receipt when its deliver_sm_resp arrives, and the link answers only once the partition has
        // taken the receipt: the broadcast may complete a moment before the SMSC's counts catch up with it.
        var after = await Eventually.ReadAsync(() => cluster.Smsc.Control.StatsAsync(SmppClusterFixture.SystemId),
            s => (s.Delivered - before.Delivered, s.Undelivered - before.Undelivered, s.Expired - before.Expired)
                == (done.DrSummary.Delivered, done.DrSummary.Failed, done.DrSummary.Expired),
            TimeSpan.FromSeconds(30), $"the SMSC to count the receipts of {done.DrSummary}");
        Assert.Equal(49_990, after.Accepted - before.Accepted);
        Assert.Equal(10, after.Rejected - before.Rejected);
        Assert.Equal(0, after.Duplicates - before.Duplicates);
    }

    [Fact]
    public async Task Killing_the_smsc_mid_broadcast_and_restarting_it_rebinds_and_completes_without_sending_anything_twice()
    {
        var recipients = Enumerable.Range(60_000, 20_000).Select(Broadcasts.Us).ToList();
        var before = await cluster.Smsc.Control.StatsAsync(SmppClusterFixture.SystemId);
        var clientId = await Broadcasts.NewClientAsync(cluster.Grains, 1_000m);
        var broadcast = await Broadcasts.SendAsync(cluster.Grains, clientId, recipients, "Crash test: sale ends Sunday");
        await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent + v.DrSummary.Delivered >= 5_000, TimeSpan.FromSeconds(60),
            "5,000 messages accepted");

        await cluster.Smsc.KillAsync();
        await Eventually.ReadAsync(() => cluster.Carrier.Health.BoundCount, n => n == 0, TimeSpan.FromSeconds(20), "the binds down");
        await cluster.Smsc.RestartAsync();
        await Eventually.ReadAsync(() => cluster.Carrier.Health.BoundCount, n => n > 0, TimeSpan.FromSeconds(20), "a re-bind");
        var done = await broadcast.WaitUntilAsync(clientId, v => v.Status == BroadcastStatus.Completed, TimeSpan.FromSeconds(120), "completed");

        var after = await cluster.Smsc.Control.StatsAsync(SmppClusterFixture.SystemId);
        var got = after.Accepted - before.Accepted;
        Assert.Equal(0, after.Duplicates - before.Duplicates);
        Assert.Equal(20_000, done.DrSummary.Total());
        // Everything the SMSC took (before and after the crash) is delivered; only messages written into the dead
        // connection and never read by it end in timeout, and there are at most a window's worth per bind.
        Assert.Equal(got, done.DrSummary.Delivered);
        Assert.Equal(20_000 - got, done.DrSummary.Timeout);
        Assert.InRange(done.DrSummary.Timeout, 0, 2 * 50);
    }
}
