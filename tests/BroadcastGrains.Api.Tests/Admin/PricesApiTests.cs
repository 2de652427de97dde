using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Admin;

/// <summary>
/// <c>GET/PUT /v1/admin/prices</c>. The price table is the whole silo's, so each test prices only countries no other
/// test sends to, and none changes the default or MMS price.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PricesApiTests(ApiFixture api)
{
    [Fact]
    public async Task Put_merges_countries_and_keeps_omitted_fields()
    {
        using var admin = api.Operator();
        var before = await admin.GetJsonAsync("/v1/admin/prices");

        var first = await PutAsync(admin, """{"countries":{"NR":0.05,"TV":0.07}}""");
        var second = await PutAsync(admin, """{"countries":{"nr":0.06}}""");

        Assert.Equal(before.Dec("defaultPerSegment"), second.Dec("defaultPerSegment"));
        Assert.Equal(before.Dec("mmsPerMessage"), second.Dec("mmsPerMessage"));
        Assert.Equal(0.05m, first["countries"]!.Dec("NR"));
        Assert.Equal(0.06m, second["countries"]!.Dec("NR"));
        Assert.Equal(0.07m, second["countries"]!.Dec("TV"));
        var read = await admin.GetJsonAsync("/v1/admin/prices");
        Assert.Equal(second.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Null_takes_a_country_off_the_routes_and_a_price_puts_it_back()
    {
        using var admin = api.Operator();

        var closed = await PutAsync(admin, """{"countries":{"TV":null}}""");
        Assert.True(closed["countries"]!.AsObject().ContainsKey("TV"));
        Assert.Null(closed["countries"]!["TV"]);

        var reopened = await PutAsync(admin, """{"countries":{"TV":0.08}}""");
        Assert.Equal(0.08m, reopened["countries"]!.Dec("TV"));
    }

    [Fact]
    public async Task Recipients_in_a_country_without_a_route_are_blocked_and_cost_nothing()
    {
        using var admin = api.Operator();
        var prices = await PutAsync(admin, """{"countries":{"KP":null}}""");
        var perSegment = prices.Dec("defaultPerSegment");
        const decimal opening = 5m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var us = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 2));
        var kp = CreateBodies.E164(CreateBodies.ValidNumbers(8501921234500, 3));

        var created = await tenant.SendAsync(CreateBodies.Body([.. us, .. kp]));

        Assert.Equal(2 * perSegment, created.Dec("estimatedCredits"));
        Assert.DoesNotContain(created.Arr("breakdown"), b => b!.Str("countryCode") == "KP");
        Assert.Equal(3, created["drSummary"]!.Long("blocked"));
        var done = await tenant.WaitForStatusAsync(created.Str("id"), "completed");
        Assert.Equal(3, done["drSummary"]!.Long("blocked"));
        Assert.Equal(2, done["drSummary"]!.Long("delivered"));
        Assert.Equal(2 * perSegment, done.Dec("spentCredits"));
        var blocked = await tenant.RecipientsAsync(created.Str("id"), status: "blocked");
        Assert.Equal(kp.Order(), blocked.Select(r => r.Str("to")).Order());
        Assert.All(blocked, r =>
        {
            Assert.Equal(0m, r.Dec("credits"));
            Assert.Equal("no_route", r.Str("error"));
            Assert.Null(r["carrierMessageId"]);
        });
        var wallet = await tenant.WalletAsync();
        Assert.Equal(opening - (2 * perSegment), wallet.Dec("balance"));
        Assert.Equal(0m, wallet.Dec("held"));
    }

    [Theory]
    [InlineData("""{"countries":{"XX":0.01}}""", "countries.XX")]
    [InlineData("""{"countries":{"USA":0.01}}""", "countries.USA")]
    [InlineData("""{"countries":{"US":-0.01}}""", "countries.US")]
    [InlineData("""{"countries":{"US":0.00001}}""", "countries.US")]
    [InlineData("""{"defaultPerSegment":-1}""", "defaultPerSegment")]
    [InlineData("""{"mmsPerMessage":0.123456}""", "mmsPerMessage")]
    public async Task An_invalid_price_is_VALIDATION_FAILED_and_changes_nothing(string body, string field)
    {
        using var admin = api.Operator();
        var before = await admin.GetJsonAsync("/v1/admin/prices");

        using var response = await admin.SendRawAsync(HttpMethod.Put, "/v1/admin/prices", Encoding.UTF8.GetBytes(body));

        await response.AssertValidationAsync(field);
        var after = await admin.GetJsonAsync("/v1/admin/prices");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Theory]
    [InlineData("""{"countries":""")]
    [InlineData("""[0.01]""")]
    [InlineData("""{"defaultPerSegment":"cheap"}""")]
    public async Task A_body_that_is_not_a_price_object_is_INVALID_JSON(string body)
    {
        using var admin = api.Operator();

        using var response = await admin.SendRawAsync(HttpMethod.Put, "/v1/admin/prices", Encoding.UTF8.GetBytes(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413_PAYLOAD_TOO_LARGE_and_changes_nothing()
    {
        using var admin = api.Operator();
        var before = await admin.GetJsonAsync("/v1/admin/prices");
        // Valid JSON padded past 1 MB with whitespace: only its size is wrong.
        var body = Encoding.UTF8.GetBytes("""{"countries":{"FK":0.5}""" + new string(' ', 1024 * 1024) + "}");

        using var response = await admin.SendRawAsync(HttpMethod.Put, "/v1/admin/prices", body, expectContinue: true);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        var after = await admin.GetJsonAsync("/v1/admin/prices");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    static async Task<JsonNode> PutAsync(HttpClient admin, string body)
    {
        using var response = await admin.SendRawAsync(HttpMethod.Put, "/v1/admin/prices", Encoding.UTF8.GetBytes(body));
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }
}
