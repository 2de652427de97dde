using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Admin;

/// <summary>
/// <c>PUT/GET /v1/admin/routes</c> and <c>GET /v1/admin/connectors</c> on the default silo, whose one connector is the
/// simulator <c>Broadcast:Carrier</c> makes. The table is the silo's, so a test that sets one clears it again.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoutesApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_table_replaces_the_stored_one_whole_and_reads_back_until_cleared()
    {
        using var admin = api.Operator();
        var before = await admin.GetJsonAsync("/v1/admin/routes");

        using var put = await admin.PutJsonAsync("/v1/admin/routes", JsonNode.Parse("""
            {"routes": [
              {"code": "UG_MTN", "countries": ["ug"], "prefixes": ["+25677"], "connectors": ["simulator"], "pricePerSegment": 0.006},
              {"code": "REST", "connectors": ["simulator"], "strategy": "roundRobin"}]}
            """));
        var table = await put.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(before.Long("version") + 1, table.Long("version"));
        var routes = table.Arr("routes");
        Assert.Equal(["UG_MTN", "REST"], routes.Select(r => r!.Str("code")));
        Assert.Equal("UG", routes[0]!.Arr("countries")[0]!.GetValue<string>());
        Assert.Equal("failover", routes[0]!.Str("strategy"));
        Assert.Equal("roundRobin", routes[1]!.Str("strategy"));
        Assert.Equal(0.006m, routes[0]!.Dec("pricePerSegment"));
        Assert.Null(table["defaultRoute"]);
        Assert.Equal(table.ToJsonString(), (await admin.GetJsonAsync("/v1/admin/routes")).ToJsonString());

        using var clear = await admin.PutJsonAsync("/v1/admin/routes", JsonNode.Parse("""{"routes": []}"""));
        var cleared = await clear.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(cleared.Arr("routes"));
        Assert.Equal("default", cleared["defaultRoute"]!.Str("code"));
        Assert.Equal("simulator", cleared["defaultRoute"]!.Arr("connectors")[0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_table_is_400_VALIDATION_FAILED_naming_each_field_and_changes_nothing()
    {
        using var admin = api.Operator();
        var before = await admin.GetJsonAsync("/v1/admin/routes");

        using var response = await admin.PutJsonAsync("/v1/admin/routes", JsonNode.Parse("""
            {"routes": [
              {"code": "A", "connectors": ["smsc-nowhere"]},
              {"code": "A", "connectors": ["simulator"], "prefixes": ["25677"], "countries": ["XX"]},
              {"code": "C", "connectors": []}]}
            """));

        await response.AssertValidationAsync("routes[0].connectors", "routes[1].code", "routes[1].prefixes",
            "routes[1].countries", "routes[2].connectors");
        Assert.Equal(before.ToJsonString(), (await admin.GetJsonAsync("/v1/admin/routes")).ToJsonString());
    }

    [Fact]
    public async Task A_bad_strategy_or_a_missing_table_is_400_VALIDATION_FAILED()
    {
        using var admin = api.Operator();

        using var strategy = await admin.PutJsonAsync("/v1/admin/routes",
            JsonNode.Parse("""{"routes": [{"code": "A", "connectors": ["simulator"], "strategy": "random"}]}"""));
        using var missing = await admin.PutJsonAsync("/v1/admin/routes", JsonNode.Parse("{}"));

        await strategy.AssertValidationAsync("routes[0].strategy");
        await missing.AssertValidationAsync("routes");
    }

    [Fact]
    public async Task The_connectors_show_the_simulator_up_on_the_one_silo()
    {
        using var admin = api.Operator();

        var connectors = await admin.GetJsonAsync("/v1/admin/connectors");

        var simulator = Assert.Single(connectors.Arr("items"))!;
        Assert.Equal(("simulator", "Simulator", "up", true), (simulator.Str("name"), simulator.Str("kind"),
            simulator.Str("state"), simulator.Bool("supportsMms")));
        var silo = Assert.Single(simulator.Arr("silos"))!;
        Assert.Equal("up", silo.Str("state"));
        Assert.True(simulator.Long("submittedToday") >= 0);
    }

    [Fact]
    public async Task Routes_and_connectors_take_the_operator_key()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);

        using var routes = await tenant.Http.GetAsync("/v1/admin/routes");
        using var connectors = await tenant.Http.GetAsync("/v1/admin/connectors");

        Assert.True(routes.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        Assert.True(connectors.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }
}
