using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Smpp.Tests.Cluster;

[Collection(SmppClusterCollection.Name)]
public sealed class SmppInboundTests(SmppClusterFixture cluster)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stop_sent_over_smpp_puts_the_number_on_the_opt_out_list_of_the_client_owning_the_sender()
    {
        var clientId = await Broadcasts.NewClientAsync(cluster.Grains, 10m);
        // A name of the client's own, approved: nobody sent to the number, so only the name's one holder owns the STOP
        // (the shared Broadcasts.Sender has no holder).
        var sender = "Own" + Guid.NewGuid().ToString("N")[..8];
        var registered = await cluster.Grains.GetGrain<ISendersGrain>(clientId).RegisterAsync(sender, approved: true);
        Assert.Equal(ApprovalStatus.Approved, registered.Sender?.Status);
        await Eventually.ReadAsync(() => cluster.Carrier.Health.BoundCount, n => n > 0, Deadline, "a bound bind");

        Assert.True(await cluster.Smsc.Control.InboundAsync(SmppClusterFixture.SystemId, "+12125550199", sender, " stop "));

        var optOuts = cluster.Grains.GetGrain<IOptOutGrain>(clientId);
        var page = await Eventually.ReadAsync(() => optOuts.ListAsync(null, 100), p => p.Items.Count > 0, Deadline, "an opt-out");
        var entry = Assert.Single(page.Items);
        Assert.Equal(12_125_550_199L, entry.Phone);
        Assert.Equal(OptOutSource.Inbound, entry.Source);
    }
}
