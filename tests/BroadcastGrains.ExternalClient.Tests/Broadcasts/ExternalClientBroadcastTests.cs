using BroadcastGrains.Broadcasts;
using BroadcastGrains.ExternalClient.Tests.Hosting;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.ExternalClient.Tests.Broadcasts;

/// <summary>Another Orleans app, holding only the Abstractions assembly, sends a broadcast through a real silo.</summary>
[Collection(ExternalClusterCollection.Name)]
public sealed class ExternalClientBroadcastTests(ExternalClusterFixture cluster)
{
    const decimal TopUp = 100m;

    [Fact]
    public async Task A_plain_client_sends_a_broadcast_that_completes_with_its_receipts()
    {
        var tenant = await Tenant.CreateAsync(cluster, TopUp);
        var broadcastId = BroadcastIds.New();

        var created = await tenant.SendAsync(broadcastId, Tenant.Recipients);
        var done = await tenant.WaitForAsync(broadcastId, BroadcastStatus.Completed);

        Assert.Equal(Tenant.Recipients.Length, created.RecipientCount);
        Assert.Equal(0, created.InvalidCount);
        Assert.Equal(Tenant.Recipients.Length - 1, done.DrSummary.Delivered);
        Assert.Equal(1, done.DrSummary.Failed);
        Assert.Equal(done.RecipientCount, done.DrSummary.Total());
        Assert.NotNull(done.CompletedAt);
    }

    [Fact]
    public async Task The_wallet_is_charged_what_the_broadcast_spent_and_holds_nothing_after_it()
    {
        var tenant = await Tenant.CreateAsync(cluster, TopUp);
        var broadcastId = BroadcastIds.New();

        await tenant.SendAsync(broadcastId, Tenant.Recipients);
        var done = await tenant.WaitForAsync(broadcastId, BroadcastStatus.Completed);
        var wallet = await tenant.Wallet.GetAsync();
        var ledger = await tenant.Wallet.GetLedgerAsync(beforeSequence: null, limit: 100);

        Assert.True(done.SpentCredits > 0);
        Assert.Equal(0, wallet.Held);
        Assert.Equal(TopUp - done.SpentCredits, wallet.Balance);
        Assert.False(ledger.HasMore);
        Assert.Equal(wallet.Balance, ledger.Items.Sum(e => e.Amount));
        Assert.Equal(wallet.Held, ledger.Items.Sum(e => e.HeldDelta));
        Assert.Equal(TopUp, Assert.Single(ledger.Items, e => e.Kind == LedgerKind.TopUp).Amount);
        var ofBroadcast = ledger.Items.Where(e => e.BroadcastId == broadcastId).ToList();
        Assert.Contains(ofBroadcast, e => e.Kind == LedgerKind.Hold);
        Assert.Equal(-done.SpentCredits, ofBroadcast.Where(e => e.Kind is LedgerKind.Capture or LedgerKind.Refund).Sum(e => e.Amount));
    }

    [Fact]
    public async Task Recipients_are_read_a_page_at_a_time_with_their_final_status()
    {
        var tenant = await Tenant.CreateAsync(cluster, TopUp);
        var broadcastId = BroadcastIds.New();
        var grain = cluster.Client.GetGrain<IBroadcastGrain>(broadcastId);
        await tenant.SendAsync(broadcastId, Tenant.Recipients);
        await tenant.WaitForAsync(broadcastId, BroadcastStatus.Completed);

        var first = await grain.GetRecipientsAsync(tenant.ClientId, status: null, cursor: null, limit: 2);
        var second = await grain.GetRecipientsAsync(tenant.ClientId, status: null, cursor: first?.NextCursor, limit: 2);
        var failed = await grain.GetRecipientsAsync(tenant.ClientId, RecipientStatus.Failed, cursor: null, limit: 10);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        Assert.Equal(Tenant.Recipients, first.Items.Concat(second.Items).Select(r => r.To));
        Assert.All(first.Items.Concat(second.Items), r => Assert.True(r.Status.IsFinal()));
        Assert.Equal(Tenant.Recipients.Length, first.Summary.Total());
        Assert.NotNull(failed);
        Assert.Equal(Tenant.FailingRecipient, Assert.Single(failed.Items).To);
    }

    [Fact]
    public async Task A_refusal_crosses_the_wire_as_a_value_with_its_field_errors_and_holds_nothing()
    {
        var tenant = await Tenant.CreateAsync(cluster, TopUp);
        var broadcastId = BroadcastIds.New();
        string[] duplicated = [Tenant.Recipients[0], Tenant.Recipients[1], Tenant.Recipients[0]];

        var outcome = await cluster.Client.GetGrain<IBroadcastGrain>(broadcastId).CreateAsync(tenant.Command(duplicated));
        var wallet = await tenant.Wallet.GetAsync();

        Assert.Null(outcome.Broadcast);
        Assert.Equal(ErrorCodes.DuplicateRecipients, outcome.Error?.Code);
        Assert.Contains(Tenant.Recipients[0], Assert.Contains("recipients", outcome.Error!.Errors!));
        Assert.Equal(new WalletView(TopUp, 0, wallet.Currency), wallet);
        Assert.Null(await cluster.Client.GetGrain<IBroadcastGrain>(broadcastId).GetAsync(tenant.ClientId));
    }

    [Fact]
    public async Task Another_client_cannot_read_the_broadcast_or_its_recipients()
    {
        var owner = await Tenant.CreateAsync(cluster, TopUp);
        var stranger = await Tenant.CreateAsync(cluster, TopUp);
        var broadcastId = BroadcastIds.New();
        var grain = cluster.Client.GetGrain<IBroadcastGrain>(broadcastId);
        await owner.SendAsync(broadcastId, Tenant.Recipients);

        Assert.Null(await grain.GetAsync(stranger.ClientId));
        Assert.Null(await grain.GetRecipientsAsync(stranger.ClientId, status: null, cursor: null, limit: 10));
    }
}
