using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>
/// A broadcast's <c>route</c> forces one route of the routing table: a code the table lacks is 422
/// <c>ROUTE_NOT_FOUND</c> and nothing is created, held or sent; a known one is echoed on the object.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ForcedRouteTests(ApiFixture api)
{
    [Fact]
    public async Task An_unknown_route_is_422_ROUTE_NOT_FOUND_and_nothing_happens()
    {
        const decimal opening = 5m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 3)));
        body["route"] = "NO_SUCH_ROUTE";

        using var create = await tenant.Http.PostJsonAsync("/v1/broadcasts", body);
        using var precheck = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body);

        var problem = await create.AssertProblemAsync((HttpStatusCode)422, "ROUTE_NOT_FOUND");
        Assert.Contains("route", Problems.ErrorFields(problem));
        await precheck.AssertProblemAsync((HttpStatusCode)422, "ROUTE_NOT_FOUND");
        await tenant.AssertNothingHappenedAsync(opening);
    }

    [Fact]
    public async Task With_no_table_set_the_default_route_can_be_forced_and_is_echoed()
    {
        using var tenant = await Tenant.CreateAsync(api, 5m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 2)));
        body["route"] = "default";

        var created = await tenant.SendAsync(body);

        Assert.Equal("default", created.Str("route"));
        Assert.Equal("default", (await tenant.BroadcastAsync(created.Str("id"))).Str("route"));
    }
}
