using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary><c>POST /v1/broadcasts/precheck</c>: what a create would cost, without creating anything.</summary>
[Collection(ApiCollection.Name)]
public sealed class PrecheckTests(ApiFixture api)
{
    [Fact]
    public async Task Precheck_counts_prices_and_names_unroutable_numbers_without_creating_anything()
    {
        const decimal opening = 1m;
        using var admin = api.Operator();
        var prices = await admin.PutJsonAsync("/v1/admin/prices", new { countries = new Dictionary<string, decimal?> { ["KP"] = null } });
        var perSegment = (await prices.ReadJsonAsync(HttpStatusCode.OK)).Dec("defaultPerSegment");
        using var tenant = await Tenant.CreateAsync(api, opening);
        var us = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 3));
        var kp = CreateBodies.E164(CreateBodies.ValidNumbers(8501921234500, 2));
        // A duplicate is counted, never rejected, even though onDuplicate defaults to reject.
        var body = CreateBodies.Body([.. us, us[0], "not a number", .. kp]);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        var precheck = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(6, precheck.Long("totalRecipients"));
        Assert.Equal(1, precheck.Long("invalid"));
        Assert.Equal(1, precheck.Long("duplicates"));
        Assert.Equal(0, precheck.Long("optedOut"));
        Assert.Equal("GSM7", precheck.Str("encoding"));
        Assert.Equal(1, precheck.Long("segmentsPerMessage"));
        Assert.Equal(3, precheck.Long("totalSegments"));
        Assert.Equal(3 * perSegment, precheck.Dec("totalCredits"));
        Assert.Equal(opening, precheck.Dec("walletBalance"));
        Assert.Equal(opening - (3 * perSegment), precheck.Dec("balanceAfter"));
        Assert.True(precheck.Bool("sufficientBalance"));
        var country = Assert.Single(precheck.Arr("breakdown"))!;
        Assert.Equal("US", country.Str("countryCode"));
        Assert.Equal("United States", country.Str("countryName"));
        Assert.Equal(3, country.Long("recipients"));
        Assert.Equal(1, precheck.Long("countries"));
        Assert.Equal("credits", precheck.Str("walletCurrency"));
        Assert.Equal(2, precheck.Long("unroutableCount"));
        Assert.Equal(kp.Order(), precheck.Arr("unroutable").Select(n => n!.GetValue<string>()).Order());
        await tenant.AssertNothingHappenedAsync(opening);
    }

    [Fact]
    public async Task Precheck_says_when_the_balance_is_not_enough()
    {
        using var tenant = await Tenant.CreateAsync(api, 0.01m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(447400100000, 3)));

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        var precheck = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(precheck.Bool("sufficientBalance"));
        Assert.True(precheck.Dec("balanceAfter") < 0);
        Assert.Equal(0.01m - precheck.Dec("totalCredits"), precheck.Dec("balanceAfter"));
        await tenant.AssertNothingHappenedAsync(0.01m);
    }

    [Theory]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi","recipients":[""", "INVALID_JSON")]
    [InlineData("""["+12125551234"]""", "INVALID_JSON")]
    [InlineData("""{"from":"MyShop","body":"hi","recipients":["+12125551234"]}""", "VALIDATION_FAILED")]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi","recipients":[]}""", "NO_RECIPIENTS")]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"timezone":"Nowhere/Land"}""", "INVALID_TIMEZONE")]
    public async Task Precheck_refuses_what_create_refuses(string body, string code)
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);

        using var response = await tenant.Http.PostRawAsync("/v1/broadcasts/precheck", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        await tenant.AssertNothingHappenedAsync(1m);
    }

    [Fact]
    public async Task Precheck_of_a_body_over_1600_characters_is_BODY_TOO_LONG()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);
        var body = CreateBodies.Body("+12125551234");
        body["body"] = new string('b', 1601);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "BODY_TOO_LONG");
    }
}
