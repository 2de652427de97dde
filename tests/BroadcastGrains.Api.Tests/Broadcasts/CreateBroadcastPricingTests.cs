using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>How a create is priced: encodings, segments and MMS.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreateBroadcastPricingTests(ApiFixture api)
{
    [Fact]
    public async Task Unicode_text_is_UCS2_and_priced_per_segment()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var perSegment = await api.DefaultPriceAsync();
        var body = CreateBodies.Body("+12125551234", "+447400123456");
        // 71 UCS-2 characters: one over a single segment's 70, so two segments of up to 67.
        body["body"] = "Привет " + new string('ж', 64);

        var created = await tenant.SendAsync(body);

        Assert.Equal("UCS2", created.Str("encoding"));
        Assert.Equal(2, created.Long("segmentsPerMessage"));
        Assert.Equal(2 * 2 * perSegment, created.Dec("estimatedCredits"));
    }

    [Fact]
    public async Task A_long_GSM_text_is_priced_per_segment()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var perSegment = await api.DefaultPriceAsync();
        var body = CreateBodies.Body("+12125551234");
        body["body"] = new string('a', 161);

        var created = await tenant.SendAsync(body);

        Assert.Equal("GSM7", created.Str("encoding"));
        Assert.Equal(2, created.Long("segmentsPerMessage"));
        Assert.Equal(2 * perSegment, created.Dec("estimatedCredits"));
    }

    [Fact]
    public async Task Media_urls_make_an_MMS_priced_per_message()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        using var admin = api.Operator();
        var mms = (await admin.GetJsonAsync("/v1/admin/prices")).Dec("mmsPerMessage");
        var body = CreateBodies.Body("+12125551234", "+447400123456");
        body["body"] = new string('a', 400);
        body["mediaUrls"] = new JsonArray("https://cdn.example.com/a.png", "https://cdn.example.com/b.png");

        var created = await tenant.SendAsync(body);

        Assert.Equal(2 * mms, created.Dec("estimatedCredits"));
        Assert.Equal(["https://cdn.example.com/a.png", "https://cdn.example.com/b.png"],
            created.Arr("mediaUrls").Select(u => u!.GetValue<string>()));
        var done = await tenant.WaitForStatusAsync(created.Str("id"), "completed");
        Assert.Equal(2 * mms, done.Dec("spentCredits"));
    }
}
