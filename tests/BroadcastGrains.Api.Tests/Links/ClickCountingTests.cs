using System.Diagnostics;
using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Links;
using Xunit.Abstractions;

namespace BroadcastGrains.Api.Tests.Links;

/// <summary>
/// Per-recipient links through the API (the default): each recipient's code redirects and counts, and the clicks show as
/// <c>clicks</c> on the broadcast, on each recipient and in the CSV export.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClickCountingTests(ApiFixture api, ITestOutputHelper output)
{
    const string Sale = "https://shop.example/spring?utm=sms";

    [Fact]
    public async Task Clicks_show_on_the_broadcast_its_recipients_and_the_export()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550600, 3)));
        body["body"] = $"Sale: {Sale}. Reply STOP to stop";
        var (created, block, key) = await TrackedBroadcasts.SendAsync(api, tenant, body);
        var id = created.Str("id");
        using var visitor = TrackedBroadcasts.Visitor(api);
        string Code(int recipient) => LinkCode.Encode(key, block, 0, recipient);

        Assert.Equal(HttpStatusCode.Redirect, await TrackedBroadcasts.ClickAsync(visitor, Code(0), Sale));
        Assert.Equal(HttpStatusCode.Redirect, await TrackedBroadcasts.ClickAsync(visitor, Code(0), Sale));
        Assert.Equal(HttpStatusCode.Redirect, await TrackedBroadcasts.ClickAsync(visitor, Code(1), Sale));
        // A second link the body does not have, and the aggregate code of a per-recipient broadcast, are no links.
        Assert.Equal(HttpStatusCode.NotFound, await TrackedBroadcasts.ClickAsync(visitor, LinkCode.Encode(key, block, 1, 0), Sale));
        Assert.Equal(HttpStatusCode.NotFound,
            await TrackedBroadcasts.ClickAsync(visitor, LinkCode.Encode(key, block, 0, LinkCode.Aggregate), Sale));
        await TrackedBroadcasts.FlushClicksAsync(api);

        var broadcast = await tenant.BroadcastAsync(id);
        Assert.True(broadcast.Bool("trackLinks"));
        Assert.Equal(3, broadcast["clicks"]!.Long("total"));
        Assert.Equal(2, broadcast["clicks"]!.Long("unique"));
        Assert.Equal([2L, 1L, 0L], (await tenant.RecipientsAsync(id)).Select(r => r.Long("clicks")));
        var csv = await TrackedBroadcasts.ExportAsync(tenant, id);
        var column = Array.IndexOf(csv[0].Split(','), "clicks");
        Assert.True(column >= 0, csv[0]);
        Assert.Equal(["2", "1", "0"], csv.Skip(1).Select(line => line.Split(',')[column]));
    }

    [Fact]
    public async Task Redirects_served_over_http_are_each_counted()
    {
        const int Recipients = 50, ClicksEach = 60, Workers = 16;
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125551000, Recipients)));
        body["body"] = "Sale " + Sale;
        var (created, block, key) = await TrackedBroadcasts.SendAsync(api, tenant, body);
        var codes = Enumerable.Range(0, Recipients).Select(i => LinkCode.Encode(key, block, 0, i)).ToArray();
        using var visitor = TrackedBroadcasts.Visitor(api);
        var clicks = Enumerable.Range(0, Recipients * ClicksEach).Select(k => codes[k % Recipients]).ToArray();

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(clicks, new ParallelOptions { MaxDegreeOfParallelism = Workers },
            async (code, _) => Assert.Equal(HttpStatusCode.Redirect, await TrackedBroadcasts.ClickAsync(visitor, code, Sale)));
        watch.Stop();
        await TrackedBroadcasts.FlushClicksAsync(api);

        output.WriteLine($"{clicks.Length} redirects in {watch.Elapsed.TotalSeconds:N2} s: {clicks.Length / watch.Elapsed.TotalSeconds:N0} per second");
        var broadcast = await tenant.BroadcastAsync(created.Str("id"));
        Assert.Equal(clicks.Length, broadcast["clicks"]!.Long("total"));
        Assert.Equal(Recipients, broadcast["clicks"]!.Long("unique"));
        Assert.All(await tenant.RecipientsAsync(created.Str("id")), r => Assert.Equal(ClicksEach, r.Long("clicks")));
    }
}
