using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Partitions;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// A receipt is answered only once it is durable: a carrier resends what it got no answer for (SMPP does), so a receipt
/// answered after a failed journal write would be lost in a crash, and one left unanswered is merely delivered again.
/// </summary>
[Collection(JournaledClusterCollection.Name)]
public sealed class ReceiptDurabilityTests(JournaledClusterFixture cluster)
{
    [Fact]
    public async Task A_receipt_whose_journal_write_fails_is_refused_and_its_retry_is_journaled_once_answered()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var numbers = Enumerable.Range(0, 3).Select(TestNumbers.Us).ToList();
        var created = await broadcast.CreateAsync(BroadcastKit.Command(clientId, RecipientInput.FromStrings(numbers)));
        Assert.Null(created.Error);
        await broadcast.WaitUntilAsync(clientId, b => b.DrSummary.Sent == 3, "three recipients sent, awaiting receipts");
        var sent = await broadcast.ReadRecipientsAsync(clientId);
        var receipts = sent.Select(r => new CarrierReceipt(r.CarrierMessageId!, ReceiptOutcome.Delivered, null, DateTimeOffset.UtcNow)).ToList();
        Assert.True(CarrierMessageIds.TryParse(receipts[0].CarrierMessageId, out var partitionKey, out _));
        var router = new ReceiptRouter(cluster.Grains);

        cluster.Journal.Failing = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => router.RouteAsync(receipts, CancellationToken.None));
        }
        finally
        {
            cluster.Journal.Failing = false;
        }
        var unmatched = await router.RouteAsync(receipts, CancellationToken.None);

        Assert.Equal(0, unmatched);
        var journaled = cluster.Journal.Stored(partitionKey)
            .SelectMany(e => e.Indexes.Select((index, k) => (index, Status: (RecipientStatus)e.Statuses[k])))
            .Where(x => x.Status == RecipientStatus.Delivered)
            .Select(x => x.index)
            .Order();
        Assert.Equal([0, 1, 2], journaled);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal(3, done.DrSummary.Delivered);
    }
}
