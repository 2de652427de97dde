using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>What commands answer once a broadcast has finished, and what other clients see of it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BroadcastLifecycleTests(ClusterFixture cluster)
{
    async Task<(string ClientId, IBroadcastGrain Broadcast, BroadcastView Done)> CompletedBroadcastAsync()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 50).Select(TestNumbers.Us)])));
        return (clientId, broadcast, await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed));
    }

    [Fact]
    public async Task Cancelling_a_completed_broadcast_is_refused_as_already_processing()
    {
        var (clientId, broadcast, done) = await CompletedBroadcastAsync();

        var outcome = await broadcast.CancelAsync(clientId);

        Assert.Equal(ErrorCodes.AlreadyProcessing, outcome.Error?.Code);
        BroadcastKit.AssertUnchanged(done, await broadcast.GetAsync(clientId));
    }

    [Fact]
    public async Task Pausing_or_resuming_a_completed_broadcast_is_refused_as_invalid_state()
    {
        var (clientId, broadcast, done) = await CompletedBroadcastAsync();

        Assert.Equal(ErrorCodes.InvalidState, (await broadcast.PauseAsync(clientId)).Error?.Code);
        Assert.Equal(ErrorCodes.InvalidState, (await broadcast.ResumeAsync(clientId)).Error?.Code);
        BroadcastKit.AssertUnchanged(done, await broadcast.GetAsync(clientId));
    }

    [Fact]
    public async Task A_retried_create_answers_the_first_broadcast_and_creates_nothing_more()
    {
        var (clientId, broadcast, done) = await CompletedBroadcastAsync();
        var balance = (await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync()).Balance;

        var retried = await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 50).Select(TestNumbers.Us)])));

        BroadcastKit.AssertUnchanged(done, retried.Broadcast);
        Assert.Equal(balance, (await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync()).Balance);
        Assert.Single(await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
    }

    [Fact]
    public async Task Another_client_finds_nothing_under_a_broadcasts_id_and_changes_nothing()
    {
        var (clientId, broadcast, done) = await CompletedBroadcastAsync();
        var otherId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var ownerWallet = await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync();

        Assert.Null(await broadcast.GetAsync(otherId));
        Assert.Null(await broadcast.GetRecipientsAsync(otherId, null, null, 100));
        Assert.Null(await broadcast.GetRecipientsAsync(otherId, RecipientStatus.Delivered, null, 100));
        Assert.Equal(ErrorCodes.NotFound, (await broadcast.CancelAsync(otherId)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await broadcast.PauseAsync(otherId)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await broadcast.ResumeAsync(otherId)).Error?.Code);
        var create = await broadcast.CreateAsync(BroadcastKit.Command(otherId, RecipientInput.FromStrings([TestNumbers.Us(1)])));
        Assert.True(create.IsError);
        Assert.Null(create.Broadcast);
        Assert.Empty(await BroadcastKit.ListIdsAsync(cluster.Grains, otherId));

        BroadcastKit.AssertUnchanged(done, await broadcast.GetAsync(clientId));
        Assert.Equal(ownerWallet, await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync());
        Assert.Equal(10m, (await cluster.Grains.GetGrain<IWalletGrain>(otherId).GetAsync()).Balance);
    }

    [Fact]
    public async Task A_precheck_under_another_clients_broadcast_id_leaves_that_broadcast_alone()
    {
        var (clientId, broadcast, done) = await CompletedBroadcastAsync();
        var otherId = await TestClients.CreateAsync(cluster.Grains, 10m);

        var outcome = await broadcast.PrecheckAsync(BroadcastKit.Command(otherId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 5).Select(TestNumbers.Us)])));

        // A price for the other client, or a refusal of the id; never the owner's broadcast.
        Assert.True(outcome.Precheck is not null || outcome.IsError);
        Assert.Null(outcome.Broadcast);
        BroadcastKit.AssertUnchanged(done, await broadcast.GetAsync(clientId));
        Assert.Equal(50, (await broadcast.ReadRecipientsAsync(clientId, RecipientStatus.Delivered)).Count);
    }

    [Fact]
    public async Task A_precheck_under_the_id_of_a_broadcast_awaiting_approval_leaves_its_recipients_alone()
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        await cluster.Grains.GetGrain<IClientGrain>(clientId).CreateAsync(new ClientProfile
        {
            Id = clientId, Name = "Careful shop", ApprovalThresholds = new ApprovalThresholds(10, null),
        });
        await TestClients.ApproveSenderAsync(cluster.Grains, clientId);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var created = await broadcast.CreateAsync(BroadcastKit.Command(clientId,
            RecipientInput.FromStrings([.. Enumerable.Range(0, 50).Select(TestNumbers.Us)])));
        Assert.Equal(BroadcastStatus.PendingApproval, created.Broadcast?.Status);
        var otherId = await TestClients.CreateAsync(cluster.Grains, 10m);

        await broadcast.PrecheckAsync(BroadcastKit.Command(otherId, RecipientInput.FromStrings([TestNumbers.Us(9)])));

        var recipients = await broadcast.ReadRecipientsAsync(clientId);
        Assert.Equal(Enumerable.Range(0, 50).Select(TestNumbers.Us), recipients.Select(r => r.To));
        Assert.All(recipients, r => Assert.Equal(RecipientStatus.Pending, r.Status));
    }
}
