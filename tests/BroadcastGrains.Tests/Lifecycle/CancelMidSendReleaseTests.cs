using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// Issue 5's "cancel mid-send": the credits released are exactly the holds of the recipients that were never sent.
/// Recipients alternate between one- and two-segment messages, so that sum is a per-recipient fact, worked out here from
/// the texts and not read from the code under test.
/// </summary>
[Collection(ThrottledClusterCollection.Name)]
public sealed class CancelMidSendReleaseTests(ThrottledClusterFixture cluster)
{
    const int Count = 20_000;
    const string Body = "Hi {{first_name}}, the spring sale starts today.";
    /// <summary>Long enough that its message passes 160 GSM-7 characters: two segments.</summary>
    static readonly string LongName = new('n', 140);

    static int SegmentsOf(int index) => index % 2 == 0 ? 1 : 2;

    [Fact]
    public async Task Cancelling_mid_send_releases_exactly_the_holds_of_the_unsent_recipients_and_every_count_still_adds_up()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 1000m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var recipients = new RecipientList();
        var indexOf = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            recipients.Add(TestNumbers.Us(i), i % 2 == 0 ? "Al" : LongName);
            indexOf[TestNumbers.Us(i)] = i;
        }
        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, recipients.ToInput(), ScheduleSpec.Now, Body));
        var estimate = Enumerable.Range(0, Count).Sum(i => SegmentsOf(i) * price);
        Assert.Equal((estimate, estimate), (created.EstimatedCredits, created.HeldCredits));
        await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Accepted() >= 1000, "a thousand messages sent");

        var cancelled = (await broadcast.CancelAsync(clientId)).Broadcast!;

        var unsent = await broadcast.ReadRecipientsAsync(clientId, RecipientStatus.Cancelled);
        Assert.True(unsent.Count > 0, "the carrier took every message before the cancel answered");
        var heldForUnsent = unsent.Sum(r => SegmentsOf(indexOf[r.To]) * price);
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        var released = -ledger.Where(e => e.BroadcastId == created.Id && e.Kind == LedgerKind.Release).Sum(e => e.HeldDelta);
        Assert.Equal(heldForUnsent, released);
        Assert.Equal(estimate - cancelled.SpentCredits, released);

        var summary = cancelled.DrSummary;
        Assert.Equal(BroadcastStatus.Cancelled, cancelled.Status);
        Assert.Equal((Count, (long)unsent.Count), (summary.Total(), summary.Cancelled));
        Assert.Equal((0L, 0L, Count - unsent.Count), (summary.Pending, summary.Queued, summary.Accepted()));
        Assert.Equal(0m, cancelled.HeldCredits);
        var after = await wallet.GetAsync();
        Assert.Equal((1000m - cancelled.SpentCredits, 0m), (after.Balance, after.Held));
        LedgerReader.AssertAddsUp(ledger, after);

        // What was sent still gets its receipts, and is charged as sent: one or two segments each.
        var settled = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent == 0, "receipts of the sent messages");
        var sent = (await broadcast.ReadRecipientsAsync(clientId)).Where(r => r.Status != RecipientStatus.Cancelled).ToList();
        Assert.Equal(Count - unsent.Count, sent.Count);
        Assert.Equal(sent.Sum(r => SegmentsOf(indexOf[r.To]) * price), settled.SpentCredits);
        Assert.Equal((unsent.Count, Count), ((int)settled.DrSummary.Cancelled, (int)settled.DrSummary.Total()));
    }
}
