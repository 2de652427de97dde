using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Links;

namespace BroadcastGrains.Api.Tests.Links;

/// <summary>With <c>Broadcast__Links__PerRecipient=false</c> every recipient shares a link's code and only totals count.</summary>
[Collection(AggregateLinksApiCollection.Name)]
public sealed class AggregateClickTests(AggregateLinksApiFixture api)
{
    const string Sale = "https://shop.example/spring";
    const string Terms = "https://shop.example/terms";

    [Fact]
    public async Task Every_recipient_shares_one_code_per_link_and_only_the_total_counts()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550800, 3)));
        body["body"] = $"Sale {Sale} (terms: {Terms})";
        var (created, block, key) = await TrackedBroadcasts.SendAsync(api, tenant, body);
        var id = created.Str("id");
        using var visitor = TrackedBroadcasts.Visitor(api);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect,
                await TrackedBroadcasts.ClickAsync(visitor, LinkCode.Encode(key, block, 0, LinkCode.Aggregate), Sale));
        }
        Assert.Equal(HttpStatusCode.Redirect,
            await TrackedBroadcasts.ClickAsync(visitor, LinkCode.Encode(key, block, 1, LinkCode.Aggregate), Terms));
        // A per-recipient code was never sent for this broadcast.
        Assert.Equal(HttpStatusCode.NotFound, await TrackedBroadcasts.ClickAsync(visitor, LinkCode.Encode(key, block, 0, 1), Sale));
        await TrackedBroadcasts.FlushClicksAsync(api);

        var broadcast = await tenant.BroadcastAsync(id);
        Assert.Equal(5, broadcast["clicks"]!.Long("total"));
        Assert.Equal(0, broadcast["clicks"]!.Long("unique"));
        Assert.All(await tenant.RecipientsAsync(id), r => Assert.Equal(0, r.Long("clicks")));
        Assert.False((await TrackedBroadcasts.BlockAsync(api, block))!.PerRecipient);
    }
}
