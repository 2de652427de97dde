using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class RecipientPagingTests(ClusterFixture cluster)
{
    const int Count = 4321;

    /// <summary>Three partitions (2,000, 2,000 and 321): 9 entries that are no number, 9 numbers that fail, 8 that expire.</summary>
    static List<string> Recipients() =>
        [.. Enumerable.Range(0, Count).Select(i => (i % 500) switch
        {
            250 => $"not-a-number-{i}",
            100 => TestNumbers.UsEndingIn(1, i / 500),
            400 => TestNumbers.UsEndingIn(3, i / 500),
            _ => TestNumbers.Us(i),
        })];

    async Task<(string ClientId, IBroadcastGrain Broadcast, BroadcastView Done)> CompletedAsync()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId, RecipientInput.FromStrings(Recipients())));
        return (clientId, broadcast, await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed));
    }

    [Fact]
    public async Task Recipient_pages_visit_every_recipient_exactly_once_in_a_stable_order()
    {
        var (clientId, broadcast, done) = await CompletedAsync();

        var byOddPages = await broadcast.ReadRecipientsAsync(clientId, limit: 333);
        var byFullPages = await broadcast.ReadRecipientsAsync(clientId, limit: 1000);
        var byPartitionPages = await broadcast.ReadRecipientsAsync(clientId, limit: 2000);

        Assert.Equal(Recipients(), byOddPages.Select(r => r.To));
        Assert.Equal(byOddPages.Select(r => (r.To, r.Status)), byFullPages.Select(r => (r.To, r.Status)));
        Assert.Equal(byOddPages.Select(r => (r.To, r.Status)), byPartitionPages.Select(r => (r.To, r.Status)));
        Assert.Equal(done.RecipientCount, byOddPages.Count);
        Assert.Equal(new DrSummary(0, 0, 0, Count - 9 - 8 - 9, 9, 8, 0, 9, 0, 0, 0), done.DrSummary);
    }

    [Fact]
    public async Task Recipient_pages_of_one_status_hold_exactly_the_recipients_in_it()
    {
        var (clientId, broadcast, done) = await CompletedAsync();
        var all = await broadcast.ReadRecipientsAsync(clientId);

        foreach (var status in Enum.GetValues<RecipientStatus>())
        {
            var some = await broadcast.ReadRecipientsAsync(clientId, status, limit: 4);

            Assert.All(some, r => Assert.Equal(status, r.Status));
            Assert.Equal(all.Where(r => r.Status == status).Select(r => r.To), some.Select(r => r.To));
        }
        Assert.Equal(done.DrSummary.Failed, (await broadcast.ReadRecipientsAsync(clientId, RecipientStatus.Failed, 1)).Count);
    }

    [Fact]
    public async Task A_recipient_page_carries_the_broadcasts_summary()
    {
        var (clientId, broadcast, done) = await CompletedAsync();

        var page = await broadcast.GetRecipientsAsync(clientId, null, null, 10);

        Assert.Equal(done.DrSummary, page!.Summary);
        Assert.Equal(10, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }
}
