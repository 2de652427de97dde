using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ThrottledClusterCollection.Name)]
public sealed class CancelMidSendTests(ThrottledClusterFixture cluster)
{
    [Fact]
    public async Task Cancelling_mid_send_cancels_the_unsent_and_charges_only_the_sent()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 500m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var before = await wallet.GetAsync();
        var submittedBefore = cluster.Carrier.Submitted;
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 20_000).Select(TestNumbers.Us)])));
        var seen = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Accepted() >= 1000, "a thousand messages sent");

        var outcome = await broadcast.CancelAsync(clientId);
        var submittedByCancel = cluster.Carrier.Submitted - submittedBefore;

        Assert.Null(outcome.Error);
        var cancelled = outcome.Broadcast!;
        Assert.Equal(BroadcastStatus.Cancelled, cancelled.Status);
        var summary = cancelled.DrSummary;
        Assert.True(summary.Cancelled > 0,
            $"cancelled when {seen.DrSummary.Accepted()} of 20,000 were sent, yet the carrier took {submittedByCancel} before the cancel answered");
        Assert.Equal((0L, 0L), (summary.Pending, summary.Queued));
        Assert.Equal(submittedByCancel, summary.Accepted());
        Assert.Equal(20_000 - submittedByCancel, summary.Cancelled);
        Assert.Equal(cancelled.RecipientCount, summary.Total());
        Assert.Equal(submittedByCancel * price, cancelled.SpentCredits);
        Assert.Equal(0m, cancelled.HeldCredits);
        var after = await wallet.GetAsync();
        Assert.Equal(0m, after.Held);
        Assert.Equal(cancelled.SpentCredits, before.Balance - after.Balance);
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        LedgerReader.AssertAddsUp(ledger, after);
        Assert.Equal(-cancelled.SpentCredits, ledger.Where(e => e.BroadcastId == id && e.Kind == LedgerKind.Capture).Sum(e => e.Amount));
        Assert.Equal(cancelled.EstimatedCredits - cancelled.SpentCredits,
            -ledger.Where(e => e.BroadcastId == id && e.Kind == LedgerKind.Release).Sum(e => e.HeldDelta));

        // Receipts of what was sent still arrive; nothing else is sent.
        var settled = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent == 0, "receipts of the sent messages");
        Assert.Equal(BroadcastStatus.Cancelled, settled.Status);
        Assert.Equal(summary.Cancelled, settled.DrSummary.Cancelled);
        Assert.Equal(submittedByCancel, settled.DrSummary.Delivered + settled.DrSummary.Failed);
        Assert.Equal(submittedByCancel, cluster.Carrier.Submitted - submittedBefore);
        Assert.Equal(0, cluster.Carrier.DuplicateSubmissions);
        // Released at the cancel, forgotten by the wallet only once the receipts (and their refunds) are all in.
        await Eventually.ReadAsync(() => cluster.ReadStoredAsync<WalletState>("wallet", wallet.GetGrainId()),
            stored => stored.Runs.Count == 0, "the wallet to forget the cancelled run");
        var unsent = await broadcast.ReadRecipientsAsync(clientId, RecipientStatus.Cancelled);
        Assert.Equal(summary.Cancelled, unsent.Count);
        Assert.All(unsent, r => Assert.Equal((0m, (string?)null), (r.Credits, r.CarrierMessageId)));
    }

    [Fact]
    public async Task Cancelling_twice_is_refused_as_already_cancelled()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 500m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 10_000).Select(TestNumbers.Us)])));
        var cancelled = (await broadcast.CancelAsync(clientId)).Broadcast!;
        var balance = await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync();

        var again = await broadcast.CancelAsync(clientId);

        Assert.Equal(ErrorCodes.AlreadyCancelled, again.Error?.Code);
        Assert.Equal(ErrorCodes.InvalidState, (await broadcast.PauseAsync(clientId)).Error?.Code);
        Assert.Equal(ErrorCodes.InvalidState, (await broadcast.ResumeAsync(clientId)).Error?.Code);
        var settled = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent == 0, "receipts of the sent messages");
        Assert.Equal((BroadcastStatus.Cancelled, cancelled.DrSummary.Cancelled), (settled.Status, settled.DrSummary.Cancelled));
        Assert.Equal(balance, await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync());
    }
}
