using System.Text.RegularExpressions;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Links;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Tests.Outgoing;

/// <summary>
/// <c>trackLinks</c> end to end on one silo: each recipient is sent its own short link, a redirect answers the original
/// URL and queues the click, and the flusher counts a batch into the recipients, the broadcast and the webhooks.
/// </summary>
[Collection(RecordingRouterCollection.Name)]
public sealed partial class LinkTrackingTests(RecordingRouterFixture cluster)
{
    const string Sale = "https://shop.example/spring?utm=sms";

    [GeneratedRegex(@"https://go\.example/l/([0-9A-Za-z]{10})")]
    private static partial Regex ShortLink();

    LinkRedirects Redirects => cluster.SiloService<LinkRedirects>();

    ClickFlusher Flusher => cluster.SiloService<ClickFlusher>();

    [Fact]
    public async Task Each_recipient_gets_its_own_short_link_and_its_clicks_are_counted_and_raised()
    {
        var clientId = await ClientWithClickWebhooksAsync();
        var numbers = Enumerable.Range(0, 3).Select(i => TestNumbers.Us(1000 + i)).ToArray();
        var (broadcast, view) = await SendAsync(clientId, numbers, $"Spring sale: {Sale}. Reply STOP to stop");
        var codes = numbers.Select(CodeSentTo).ToArray();

        Assert.True(view.TrackLinks);
        Assert.Equal(3, codes.Distinct().Count());
        Assert.All(numbers, n => Assert.DoesNotContain(Sale, cluster.Router.SentTexts[Digits(n)], StringComparison.Ordinal));
        Assert.Equal(Sale, await Redirects.ResolveAsync(codes[0]));
        Assert.Equal(Sale, await Redirects.ResolveAsync(codes[0]));
        Assert.Equal(Sale, await Redirects.ResolveAsync(codes[1]));
        await Flusher.FlushAsync();

        Assert.Equal(new ClickTotals(3, 2), (await broadcast.GetAsync(clientId))!.Clicks);
        var clicks = (await broadcast.ReadRecipientsAsync(clientId)).ToDictionary(r => r.To, r => r.Clicks);
        Assert.Equal([2, 1, 0], numbers.Select(n => clicks[n]));
        var deliveries = await Eventually.ReadAsync(
            () => cluster.Grains.GetGrain<IWebhookOutboxGrain>(clientId).ListDeliveriesAsync(null, 100),
            page => page.Items.Count(d => d.Type == WebhookEventTypes.MessageClicked) == 3, TimeSpan.FromSeconds(10),
            "three message.clicked deliveries");
        Assert.Equal(3, deliveries.Items.Select(d => d.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_code_of_no_broadcast_resolves_to_nothing()
    {
        var key = await cluster.Grains.GetGrain<ILinkDirectoryGrain>(ILinkDirectoryGrain.Key).GetKeyAsync();

        Assert.Null(await Redirects.ResolveAsync(LinkCode.Encode(key, 4_000_000_000, 0, 1)));
        Assert.Null(await Redirects.ResolveAsync("not-a-code"));
    }

    [Fact]
    public async Task One_hundred_thousand_clicks_across_two_partitions_are_counted_exactly()
    {
        const int Clicks = 100_000;
        var clientId = await TestClients.CreateAsync(cluster.Grains, 1000m);
        // 2,500 recipients: two partitions of the fixture's 2,000.
        var numbers = Enumerable.Range(0, 2_500).Select(i => TestNumbers.Us(20_000 + i)).ToArray();
        var (broadcast, _) = await SendAsync(clientId, numbers, $"Sale {Sale}");
        var codes = numbers.Select(CodeSentTo).ToArray();

        // Recipient k clicks (k mod 80) times, from many threads at once, while the background flusher runs.
        var clicks = Enumerable.Range(0, numbers.Length).SelectMany(k => Enumerable.Repeat(k, k % 80)).Take(Clicks).ToList();
        clicks.AddRange(Enumerable.Repeat(1, Clicks - clicks.Count));
        await Parallel.ForEachAsync(clicks, async (k, _) => Assert.Equal(Sale, await Redirects.ResolveAsync(codes[k])));
        await Flusher.FlushAsync();

        var expected = clicks.GroupBy(k => k).ToDictionary(g => numbers[g.Key], g => g.Count());
        Assert.Equal(new ClickTotals(Clicks, expected.Count), (await broadcast.GetAsync(clientId))!.Clicks);
        var recipients = await broadcast.ReadRecipientsAsync(clientId);
        Assert.Equal(Clicks, recipients.Sum(r => r.Clicks));
        Assert.All(recipients, r => Assert.Equal(expected.GetValueOrDefault(r.To), r.Clicks));
    }

    [Fact]
    public async Task Aggregate_links_count_only_the_broadcast_total()
    {
        var directory = cluster.Grains.GetGrain<ILinkDirectoryGrain>(ILinkDirectoryGrain.Key);
        var (block, key) = await directory.ReserveAsync();
        var broadcastId = BroadcastIds.New();
        await cluster.Grains.GetGrain<ILinkBlockGrain>(block).RegisterAsync(
            new LinkBlock(broadcastId, "client-x", [Sale], PerRecipient: false, 2000, DateTimeOffset.UtcNow.AddDays(1)));
        var aggregate = LinkCode.Encode(key, block, 0, LinkCode.Aggregate);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Sale, await Redirects.ResolveAsync(aggregate));
        }
        // A per-recipient code of an aggregate block was never sent: it is not a link.
        Assert.Null(await Redirects.ResolveAsync(LinkCode.Encode(key, block, 0, 3)));
        await Flusher.FlushAsync();

        Assert.Equal(new ClickTotals(5, 0), await cluster.Grains.GetGrain<IBroadcastClicksGrain>(broadcastId).GetAsync());
    }

    async Task<(IBroadcastGrain Broadcast, BroadcastView View)> SendAsync(string clientId, string[] numbers, string body)
    {
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId, RecipientInput.FromStrings(numbers), body) with { TrackLinks = true });
        var view = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent == numbers.Length, "every message sent");
        return (broadcast, view);
    }

    string CodeSentTo(string number) => ShortLink().Match(cluster.Router.SentTexts[Digits(number)]).Groups[1].Value;

    static long Digits(string number) => long.Parse(number.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    async Task<string> ClientWithClickWebhooksAsync()
    {
        var id = "client-" + Guid.NewGuid().ToString("N");
        await cluster.Grains.GetGrain<IClientGrain>(id).CreateAsync(new ClientProfile
        {
            Id = id, Name = "Shop " + id, WebhookUrl = "https://hooks.example/in", WebhookEvents = [WebhookEventTypes.MessageClicked],
        });
        await TestClients.ApproveSenderAsync(cluster.Grains, id);
        await cluster.Grains.GetGrain<Wallet.IWalletGrain>(id).TopUpAsync("opening-balance", 100m);
        return id;
    }
}
