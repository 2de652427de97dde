using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Links;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Api.Tests.Links;

/// <summary><c>GET /l/{code}</c>: public, 302 to the original URL; a code of no link, or of an expired one, is 404.</summary>
[Collection(ApiCollection.Name)]
public sealed class LinkRedirectTests(ApiFixture api)
{
    const string Target = "https://shop.example/spring?utm=sms";

    [Fact]
    public async Task A_short_link_redirects_without_a_key_and_an_unknown_one_is_404()
    {
        var (block, key) = await RegisterAsync(DateTimeOffset.UtcNow.AddDays(1));
        using var visitor = TrackedBroadcasts.Visitor(api);

        using var found = await visitor.GetAsync("l/" + LinkCode.Encode(key, block, 0, 7));
        using var unknown = await visitor.GetAsync("l/" + LinkCode.Encode(key, block + 1_000_000, 0, 7));
        using var malformed = await visitor.GetAsync("l/nope");

        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal(Target, found.Headers.Location?.OriginalString);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await malformed.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_link_past_its_retention_is_404()
    {
        var (block, key) = await RegisterAsync(DateTimeOffset.UtcNow.AddSeconds(-1));
        using var visitor = TrackedBroadcasts.Visitor(api);

        using var expired = await visitor.GetAsync("l/" + LinkCode.Encode(key, block, 0, 7));

        await expired.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Null(await TrackedBroadcasts.BlockAsync(api, block));
    }

    [Fact]
    public async Task A_created_broadcast_links_stay_valid_for_the_retention_days()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550700, 1)));
        body["body"] = "Sale: " + Target;

        var (created, block, _) = await TrackedBroadcasts.SendAsync(api, tenant, body);

        var stored = await TrackedBroadcasts.BlockAsync(api, block);
        Assert.Equal(created.Str("id"), stored!.BroadcastId);
        // Broadcast__Links__RetentionDays defaults to 90.
        var expected = DateTimeOffset.Parse(created.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).AddDays(90);
        Assert.InRange(stored.ExpiresAt, expected.AddMinutes(-1), expected.AddMinutes(1));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task Precheck_counts_segments_after_the_links_are_shortened(bool track, int segments)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550500, 1)));
        body["body"] = "Spring sale, 30% off: https://shop.example/spring/" + new string('x', 150);
        body["trackLinks"] = track;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        Assert.Equal(segments, (await response.ReadJsonAsync(HttpStatusCode.OK)).Long("segmentsPerMessage"));
    }

    async Task<(long Block, ulong Key)> RegisterAsync(DateTimeOffset expiresAt)
    {
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var (block, key) = await grains.GetGrain<ILinkDirectoryGrain>(ILinkDirectoryGrain.Key).ReserveAsync();
        await grains.GetGrain<ILinkBlockGrain>(block).RegisterAsync(new LinkBlock(
            "bc_links_api", "client-links-api", [Target], PerRecipient: true, 2000, expiresAt));
        return (block, key);
    }
}
