using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// Issue 13 item 2: a command that fails half-way (the API answers 5xx) leaves no broadcast, no hold and no index row
/// behind, a hold stranded by an undo that failed too is released by the sweep's wake, and a retry then succeeds once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailedCommandTests(ClusterFixture cluster)
{
    const decimal Opening = 100m;

    static RecipientInput UsRecipients(int count) => RecipientInput.FromStrings([.. Enumerable.Range(0, count).Select(TestNumbers.Us)]);

    [Fact]
    public async Task A_create_whose_index_row_fails_after_the_hold_leaves_nothing_and_its_retry_holds_and_sends_once()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, Opening);
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        var command = BroadcastKit.Command(clientId, UsRecipients(300));

        using (GrainCallFaults.Begin<IClientBroadcastsGrain>(nameof(IClientBroadcastsGrain.UpsertAsync), clientId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => broadcast.CreateAsync(command));
        }

        await AssertNothingLeftAsync(clientId, id);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        Assert.Equal([LedgerKind.Release, LedgerKind.Hold], (await LedgerReader.ReadAllAsync(wallet)).Take(2).Select(e => e.Kind));

        // The same id again, as a retry with the same Idempotency-Key makes it: a fresh hold (the first one's operation
        // id is spent), so the messages are paid for.
        var created = await broadcast.CreateAsync(command);
        Assert.Null(created.Error);
        var (_, view) = await broadcast.CompletesSettledAsync(clientId, wallet, Opening);
        Assert.Equal([id], await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
        LedgerReader.AssertAddsUp(await LedgerReader.ReadAllAsync(wallet), view);
    }

    [Fact]
    public async Task Send_now_of_a_draft_that_fails_after_the_hold_leaves_the_draft_as_it_was_and_holds_nothing()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, Opening);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var draft = BroadcastKit.Command(clientId, UsRecipients(300)) with { Schedule = ScheduleSpec.Now with { Mode = ScheduleMode.Draft } };
        var before = (await broadcast.CreateAsync(draft)).Broadcast!;
        Assert.Equal(BroadcastStatus.Draft, before.Status);

        using (GrainCallFaults.Begin<IClientBroadcastsGrain>(nameof(IClientBroadcastsGrain.UpsertAsync), clientId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => broadcast.SendNowAsync(clientId));
        }

        BroadcastKit.AssertUnchanged(before, await broadcast.GetAsync(clientId));
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        Assert.Equal(0m, (await wallet.GetAsync()).Held);
        var drafts = await cluster.Grains.GetGrain<IClientBroadcastsGrain>(clientId).ListAsync(BroadcastStatus.Draft, null, 10);
        Assert.Equal([before.Id], drafts.Ids);

        Assert.Null((await broadcast.SendNowAsync(clientId)).Error);
        await broadcast.CompletesSettledAsync(clientId, wallet, Opening);
    }

    [Fact]
    public async Task An_approval_that_fails_after_the_hold_leaves_the_broadcast_awaiting_approval_and_holds_nothing()
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        await cluster.Grains.GetGrain<IClientGrain>(clientId).CreateAsync(new ClientProfile
        {
            Id = clientId, Name = "Careful shop", ApprovalThresholds = new ApprovalThresholds(10, null),
        });
        await TestClients.ApproveSenderAsync(cluster.Grains, clientId);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        await wallet.TopUpAsync("opening", Opening);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var before = (await broadcast.CreateAsync(BroadcastKit.Command(clientId, UsRecipients(50)))).Broadcast!;
        Assert.Equal(BroadcastStatus.PendingApproval, before.Status);

        using (GrainCallFaults.Begin<IClientBroadcastsGrain>(nameof(IClientBroadcastsGrain.UpsertAsync), clientId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => broadcast.ApproveAsync(clientId));
        }

        BroadcastKit.AssertUnchanged(before, await broadcast.GetAsync(clientId));
        Assert.Equal(0m, (await wallet.GetAsync()).Held);
        Assert.Null((await broadcast.ApproveAsync(clientId)).Error);
        await broadcast.CompletesSettledAsync(clientId, wallet, Opening);
    }

    [Fact]
    public async Task A_hold_stranded_by_a_failed_create_whose_undo_failed_too_is_released_by_the_sweeps_wake()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, Opening);
        var id = BroadcastIds.New();
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);

        using (GrainCallFaults.Begin<IClientBroadcastsGrain>(nameof(IClientBroadcastsGrain.UpsertAsync), clientId))
        using (GrainCallFaults.Begin<IWalletGrain>(nameof(IWalletGrain.ReleaseRemainderAsync), clientId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                cluster.Grains.GetGrain<IBroadcastGrain>(id).CreateAsync(BroadcastKit.Command(clientId, UsRecipients(300))));
        }
        Assert.True((await wallet.GetAsync()).Held > 0, "the test meant to strand a hold");
        Assert.Null(await cluster.Grains.GetGrain<IBroadcastGrain>(id).GetAsync(clientId));

        // What the sweep calls once a minute for every broadcast it tracks (it tracks one with an undo to finish).
        await cluster.Grains.GetGrain<IBroadcastProgressGrain>(id).WakeAsync();

        await AssertNothingLeftAsync(clientId, id);
    }

    async Task AssertNothingLeftAsync(string clientId, string id)
    {
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        Assert.Null(await broadcast.GetAsync(clientId));
        Assert.Null(await broadcast.GetRecipientsAsync(clientId, null, null, 10));
        Assert.Empty(await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
        var view = await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync();
        Assert.Equal((Opening, 0m), (view.Balance, view.Held));
    }
}
