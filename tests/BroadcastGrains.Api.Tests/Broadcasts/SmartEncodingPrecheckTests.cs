using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>Precheck shows what <c>smartEncoding</c> does to a pasted text: its encoding and parts.</summary>
[Collection(ApiCollection.Name)]
public sealed class SmartEncodingPrecheckTests(ApiFixture api)
{
    [Theory]
    [InlineData(true, "GSM7", 1)]
    [InlineData(false, "UCS2", 3)]
    public async Task Precheck_counts_a_pasted_apostrophe_as_gsm7_only_with_smart_encoding(bool smart, string encoding, int parts)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 2)));
        body["body"] = "It\u2019s" + new string('a', 146);
        body["smartEncoding"] = smart;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        var precheck = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((encoding, parts, 2 * parts), (precheck.Str("encoding"), precheck.Long("segmentsPerMessage"),
            precheck.Long("totalSegments")));
    }

    [Fact]
    public async Task The_broadcast_keeps_the_body_as_written_and_says_smart_encoding_is_on()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550300, 1)));
        body["body"] = "Don\u2019t miss it \u2014 today only\u2026";
        body["smartEncoding"] = true;

        var created = await tenant.SendAsync(body);

        Assert.Equal("Don\u2019t miss it \u2014 today only\u2026", created.Str("body"));
        Assert.True(created.Bool("smartEncoding"));
        Assert.Equal("GSM7", created.Str("encoding"));
    }

    [Fact]
    public async Task A_smart_encoding_that_is_not_a_boolean_is_refused()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550400, 1)));
        body["smartEncoding"] = "yes";

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        await response.AssertValidationAsync("smartEncoding");
    }
}
