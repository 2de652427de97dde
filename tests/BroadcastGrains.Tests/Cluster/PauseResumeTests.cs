using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

[Collection(ThrottledClusterCollection.Name)]
public sealed class PauseResumeTests(ThrottledClusterFixture cluster)
{
    [Fact]
    public async Task A_paused_broadcast_sends_nothing_until_resumed_then_completes_sending_each_message_once()
    {
        const int Count = 6000;
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 500m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var before = await wallet.GetAsync();
        var submittedBefore = cluster.Carrier.Submitted;
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, Count).Select(TestNumbers.Us)])));
        var seen = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Accepted() >= 500, "some messages sent");

        var paused = await broadcast.PauseAsync(clientId);
        var submittedByPause = cluster.Carrier.Submitted - submittedBefore;

        Assert.Equal(BroadcastStatus.Paused, paused.Broadcast?.Status);
        Assert.True(submittedByPause < Count,
            $"paused when {seen.DrSummary.Accepted()} of {Count} were sent, yet the carrier took all of them before the pause answered");
        Assert.Equal(ErrorCodes.InvalidState, (await broadcast.PauseAsync(clientId)).Error?.Code);
        // Once every message taken before the pause has its receipt, the rest are still waiting.
        var quiet = await broadcast.WaitUntilAsync(clientId,
            v => v.DrSummary.Sent == 0 && v.DrSummary.Accepted() == submittedByPause, "receipts of the messages sent before the pause");
        Assert.Equal(BroadcastStatus.Paused, quiet.Status);
        Assert.Equal(Count - submittedByPause, quiet.DrSummary.Pending);
        Assert.Equal(submittedByPause, cluster.Carrier.Submitted - submittedBefore);

        var resumed = await broadcast.ResumeAsync(clientId);
        Assert.Equal(BroadcastStatus.Sending, resumed.Broadcast?.Status);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        Assert.Equal(Count, done.DrSummary.Delivered + done.DrSummary.Failed);
        Assert.Equal(Count, cluster.Carrier.Submitted - submittedBefore);
        Assert.Equal(0, cluster.Carrier.DuplicateSubmissions);
        Assert.Equal((Count * price, 0m), (done.SpentCredits, done.HeldCredits));
        var after = await wallet.GetAsync();
        Assert.Equal((done.SpentCredits, 0m), (before.Balance - after.Balance, after.Held));
    }

    [Fact]
    public async Task A_paused_broadcast_can_be_cancelled_releasing_everything_unsent()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 500m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var before = await wallet.GetAsync();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 6000).Select(TestNumbers.Us)])));
        await broadcast.PauseAsync(clientId);

        var cancelled = (await broadcast.CancelAsync(clientId)).Broadcast!;

        Assert.Equal(BroadcastStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.DrSummary.Cancelled > 0, "paused at once, yet the carrier took all 6,000 before the pause answered");
        Assert.Equal(6000 - cancelled.DrSummary.Accepted(), cancelled.DrSummary.Cancelled);
        Assert.Equal(cancelled.DrSummary.Accepted() * price, cancelled.SpentCredits);
        var after = await wallet.GetAsync();
        Assert.Equal((cancelled.SpentCredits, 0m), (before.Balance - after.Balance, after.Held));
        await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent == 0, "receipts of the sent messages");
    }
}
