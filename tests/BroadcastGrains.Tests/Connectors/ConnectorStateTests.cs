using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Routing;

namespace BroadcastGrains.Tests.Connectors;

/// <summary>
/// Every silo opens every configured connector, each its own link; the connectors' state is asked of each silo and
/// merged: a simulator is up everywhere, an SMPP connector with no bind bound is down on every silo.
/// </summary>
[Collection(ConnectorsClusterCollection.Name)]
public sealed class ConnectorStateTests(ConnectorsClusterFixture fixture)
{
    [Fact]
    public void Each_silo_opens_every_connector_with_a_link_of_its_own()
    {
        var first = fixture.Service<ConnectorRegistry>(0);
        var second = fixture.Service<ConnectorRegistry>(1);

        Assert.Equal(["sim-a", "sim-b", "smsc-gone"], first.Connectors.Select(c => c.Name));
        Assert.Equal(3, first.Connectors.Select(c => c.Carrier).Distinct().Count());
        Assert.NotSame(first.Connectors[0].Carrier, second.Connectors[0].Carrier);
        Assert.Equal("sim-a", first.Connectors[0].Carrier.Name);
        // Until the send path routes, partitions send through the first connector.
        Assert.Same(first.Primary.Link, fixture.Service<ICarrierLink>(0));
    }

    [Fact]
    public async Task The_connectors_show_their_state_on_every_silo()
    {
        var connectors = await fixture.Silo(1).GetGrain<IConnectorsGrain>(IConnectorsGrain.Key).ListAsync();

        Assert.Equal(["sim-a", "sim-b", "smsc-gone"], connectors.Select(c => c.Name));
        var simA = connectors[0];
        Assert.Equal(("Simulator", ConnectorView.Up, true, 300), (simA.Kind, simA.State, simA.SupportsMms, simA.MaxSubmitsPerSecond));
        Assert.Equal(2, simA.Silos.Count);
        Assert.Equal(2, simA.Silos.Select(s => s.Silo).Distinct().Count());
        Assert.False(connectors[1].SupportsMms);
        Assert.Equal(1000, connectors[1].DailyLimit);

        var smpp = connectors[2];
        Assert.Equal(("Smpp", ConnectorView.Down, false), (smpp.Kind, smpp.State, smpp.SupportsMms));
        Assert.All(smpp.Silos, s => Assert.Equal((ConnectorView.Down, 0, 2), (s.State, s.BindsUp, s.Binds)));
        Assert.Equal(2, smpp.Silos.Count);
    }

    [Fact]
    public void The_registry_says_which_connector_is_up_by_its_index()
    {
        var registry = fixture.Service<ConnectorRegistry>(0);

        Assert.True(registry.IsUp(0));
        Assert.True(registry.IsUp(1));
        Assert.False(registry.IsUp(2));
        Assert.Same(registry.Connectors[1], registry.Find("SIM-B"));
        Assert.Null(registry.Find("nope"));
    }
}
