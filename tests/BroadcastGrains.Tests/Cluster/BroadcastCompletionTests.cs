using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class BroadcastCompletionTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_realistic_broadcast_of_ten_thousand_completes_with_every_count_and_credit_right()
    {
        var mix = RealisticMix.Build();
        var prices = new Dictionary<string, decimal>();
        foreach (var country in new[] { "US", "GB", "UG" })
        {
            prices[country] = await TestNumbers.PricePerSegmentAsync(cluster.Grains, country);
        }
        decimal CostOf(RealisticMix.Expected e) => e.Country is null ? 0 : prices[e.Country] * e.Segments;
        var valid = mix.ByRecipient.Values.Where(e => e.Status != RecipientStatus.Invalid).ToList();
        var accepted = valid.Where(e => e.Status != RecipientStatus.Blocked).ToList();
        var clientId = await TestClients.CreateAsync(cluster.Grains, 1000m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var before = await wallet.GetAsync();
        var submittedBefore = cluster.Carrier.Submitted;
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);

        var created = await broadcast.CreateAsync(BroadcastKit.Command(clientId, mix.Recipients.ToInput(), RealisticMix.Body,
            DuplicatePolicy.Skip, RealisticMix.DefaultRegion));
        Assert.Null(created.Error);
        Assert.Equal(BroadcastStatus.Sending, created.Broadcast!.Status);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        Assert.Equal(10_000, done.RecipientCount);
        Assert.Equal(20, done.InvalidCount);
        Assert.Equal(RealisticMix.Duplicates, done.DuplicateCount);
        Assert.Equal(new DrSummary(0, 0, 0, mix.Count(RecipientStatus.Delivered), 5, 5, 0, 20, 5, 0, 0), done.DrSummary);
        Assert.Equal(done.RecipientCount, done.DrSummary.Total());
        Assert.Equal(valid.Sum(e => CostOf(e)), done.EstimatedCredits);
        Assert.Equal(accepted.Sum(e => CostOf(e)), done.SpentCredits);
        Assert.Equal((0m, 0m), (done.HeldCredits, done.RefundedCredits));
        Assert.Equal(2, done.SegmentsPerMessage);
        Assert.Equal("GSM7", done.Encoding);
        Assert.Equal(
            valid.GroupBy(e => e.Country!).Select(g => (g.Key, (long)g.Count(), (long)g.Sum(e => e.Segments), g.Sum(e => CostOf(e)))).OrderBy(r => r.Key),
            done.Breakdown.Select(b => (b.CountryCode, b.Recipients, b.Segments, b.Credits)).OrderBy(r => r.CountryCode));
        Assert.NotNull(done.CompletedAt);

        var after = await wallet.GetAsync();
        Assert.Equal(done.SpentCredits, before.Balance - after.Balance);
        Assert.Equal(0m, after.Held);
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        LedgerReader.AssertAddsUp(ledger, after);
        Assert.Equal(-done.SpentCredits, ledger.Where(e => e.BroadcastId == id && e.Kind == LedgerKind.Capture).Sum(e => e.Amount));
        Assert.Equal(done.EstimatedCredits, ledger.Where(e => e.BroadcastId == id && e.Kind == LedgerKind.Hold).Sum(e => e.HeldDelta));

        Assert.Equal(valid.Count, cluster.Carrier.Submitted - submittedBefore);
        Assert.Equal(0, cluster.Carrier.DuplicateSubmissions);
        Assert.Equal([id], await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
    }

    [Fact]
    public async Task Every_recipient_of_a_realistic_broadcast_ends_in_exactly_one_expected_final_status()
    {
        var mix = RealisticMix.Build();
        var clientId = await TestClients.CreateAsync(cluster.Grains, 1000m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId, mix.Recipients.ToInput(), RealisticMix.Body,
            DuplicatePolicy.Skip, RealisticMix.DefaultRegion));
        await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        var recipients = await broadcast.ReadRecipientsAsync(clientId, limit: 1000);

        Assert.Equal(mix.ByRecipient.Count, recipients.Count);
        Assert.Equal(mix.ByRecipient.Keys.Order(StringComparer.Ordinal), recipients.Select(r => r.To).Order(StringComparer.Ordinal));
        foreach (var recipient in recipients)
        {
            var expected = mix.ByRecipient[recipient.To];
            Assert.True(expected.Status == recipient.Status, $"{recipient.To} is {recipient.Status}, expected {expected.Status}");
            Assert.True(recipient.Status.IsFinal());
            var accepted = expected.Status is RecipientStatus.Delivered or RecipientStatus.Failed or RecipientStatus.Expired;
            Assert.Equal(accepted, recipient.CarrierMessageId is not null);
            Assert.Equal(expected.Status == RecipientStatus.Delivered, recipient.Error is null);
            if (expected.Country is not null)
            {
                Assert.Equal(expected.Segments, recipient.Segments);
            }
            if (!accepted)
            {
                Assert.Equal(0m, recipient.Credits);
            }
        }
        Assert.Equal(0, cluster.Carrier.DuplicateSubmissions);
    }
}
