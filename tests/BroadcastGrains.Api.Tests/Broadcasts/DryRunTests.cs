using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary><c>"dryRun": true</c>: validate and price only; nothing is stored, held or sent.</summary>
[Collection(ApiCollection.Name)]
public sealed class DryRunTests(ApiFixture api)
{
    [Fact]
    public async Task A_dry_run_answers_200_with_no_id_status_dry_run_and_the_price_and_stores_nothing()
    {
        const decimal opening = 10m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var perSegment = await api.DefaultPriceAsync();
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 5)));
        body["dryRun"] = true;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var dry = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Null(response.Headers.Location);
        Assert.Equal(5, dry.Long("recipientCount"));
        Assert.Equal(5 * perSegment, dry.Dec("estimatedCredits"));
        Assert.Equal(0m, dry.Dec("spentCredits"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dry["id"]?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null);
        Assert.True(dry.AsObject().ContainsKey("id"), "a dry run answers \"id\": null, not no id");
        Assert.Equal("dry_run", dry.Str("status"));
        await tenant.AssertNothingHappenedAsync(opening);
    }

    [Fact]
    public async Task A_dry_run_prices_even_what_the_wallet_could_not_pay()
    {
        using var tenant = await Tenant.CreateAsync(api);
        var body = CreateBodies.Body("+12125551234");
        body["dryRun"] = true;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var dry = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(await api.DefaultPriceAsync(), dry.Dec("estimatedCredits"));
        await tenant.AssertNothingHappenedAsync(0m);
    }

    [Fact]
    public async Task A_dry_run_is_refused_like_a_real_create()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body("+12125551234", "+12125551234");
        body["dryRun"] = true;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "DUPLICATE_RECIPIENTS");
        await tenant.AssertNothingHappenedAsync(10m);
    }
}
