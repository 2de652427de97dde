using BroadcastGrains.Routing;

namespace BroadcastGrains.Tests.Connectors;

/// <summary>
/// The routing table as the cluster keeps it: a good table replaces the stored one whole and takes the next version;
/// a bad one changes nothing; every silo routes by a change within about a second.
/// </summary>
[Collection(ConnectorsClusterCollection.Name)]
public sealed class RoutesTableTests(ConnectorsClusterFixture fixture)
{
    static RouteDefinition Route(string code, string[] connectors, string[]? countries = null) =>
        new(code, countries, null, null, connectors, RouteStrategy.Failover, null, null);

    [Fact]
    public async Task A_table_naming_an_unknown_connector_is_refused_and_changes_nothing()
    {
        var grain = fixture.Silo(0).GetGrain<IRoutesGrain>(IRoutesGrain.Key);
        var before = await grain.GetAsync();

        var change = await grain.ReplaceAsync([Route("UG", ["sim-a"], ["ug"]), Route("US", ["smsc-z"])]);

        Assert.False(change.Succeeded);
        Assert.Contains("routes[1].connectors", change.Errors!.Keys);
        Assert.Equal(before.Version, (await grain.GetAsync()).Version);
    }

    [Fact]
    public async Task A_change_stored_through_one_silo_is_what_the_other_silo_routes_by_within_seconds()
    {
        var routes = fixture.Silo(0).GetGrain<IRoutesGrain>(IRoutesGrain.Key);
        var otherSilo = fixture.Service<SiloRoutes>(1);
        await otherSilo.GetAsync();

        var change = await routes.ReplaceAsync([Route("UG", ["sim-b", "sim-a"], ["ug"]), Route("REST", ["sim-a"])]);
        Assert.True(change.Succeeded);
        Assert.Equal(["UG"], change.Table!.Routes[0].Countries);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        CompiledRoutes seen;
        while ((seen = await otherSilo.GetAsync()).Version != change.Table.Version && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(change.Table.Version, seen.Version);
        Assert.Equal("UG", seen[seen.Match("cl_a", "UG", 256771234567)].Code);
        Assert.Equal("REST", seen[seen.Match("cl_a", "US", 14155550100)].Code);
        Assert.Equal([1, 0], seen[0].Picker.Connectors);

        var cleared = await routes.ReplaceAsync([]);
        Assert.True(cleared.Succeeded);
        Assert.False(cleared.Table!.IsSet);
        Assert.True(fixture.Service<SiloRoutes>(0).Offer(cleared.Table).IsImplicit);
    }
}
