using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Refused creates and dry runs: the client gets a clear code and nothing is stored, held or sent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BroadcastRefusalTests(ClusterFixture cluster)
{
    sealed record Snapshot(WalletView Wallet, int LedgerEntries, long Submitted);

    async Task<Snapshot> SnapshotAsync(string clientId)
    {
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        return new(await wallet.GetAsync(), (await LedgerReader.ReadAllAsync(wallet)).Count, cluster.Carrier.Submitted);
    }

    async Task AssertNothingChangedAsync(string clientId, string broadcastId, Snapshot before)
    {
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(broadcastId);
        Assert.Null(await broadcast.GetAsync(clientId));
        Assert.Null(await broadcast.GetRecipientsAsync(clientId, null, null, 100));
        Assert.Empty(await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
        Assert.Equal(before, await SnapshotAsync(clientId));
    }

    static RecipientInput UsRecipients(int count) => RecipientInput.FromStrings([.. Enumerable.Range(0, count).Select(TestNumbers.Us)]);

    [Fact]
    public async Task Create_without_enough_credits_is_refused_and_holds_or_stores_nothing()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 1m);
        var before = await SnapshotAsync(clientId);
        var id = BroadcastIds.New();

        var outcome = await cluster.Grains.GetGrain<IBroadcastGrain>(id).CreateAsync(BroadcastKit.Command(clientId, UsRecipients(500)));

        Assert.Equal(ErrorCodes.InsufficientCredits, outcome.Error?.Code);
        Assert.Null(outcome.Broadcast);
        await AssertNothingChangedAsync(clientId, id, before);
    }

    [Fact]
    public async Task Create_refused_for_credits_can_be_retried_with_the_same_id_once_topped_up()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 1m);
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        var command = BroadcastKit.Command(clientId, UsRecipients(300));
        Assert.Equal(ErrorCodes.InsufficientCredits, (await broadcast.CreateAsync(command)).Error?.Code);

        await cluster.Grains.GetGrain<IWalletGrain>(clientId).TopUpAsync("more", 10m);
        var retried = await broadcast.CreateAsync(command);

        Assert.Null(retried.Error);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal(300, done.DrSummary.Delivered);
        Assert.Equal(300, done.RecipientCount);
    }

    [Fact]
    public async Task Duplicates_with_reject_are_refused_naming_at_most_ten_of_them()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var before = await SnapshotAsync(clientId);
        var numbers = Enumerable.Range(0, 40).Select(TestNumbers.Us).ToList();
        // 15 duplicates: 10 typed again as they were, 5 typed with spaces and dashes.
        var repeated = numbers.Take(10).Concat(numbers.Skip(20).Take(5).Select(n => $"{n[..2]} {n[2..5]} {n[5..8]}-{n[8..]}"));
        var id = BroadcastIds.New();

        var outcome = await cluster.Grains.GetGrain<IBroadcastGrain>(id).CreateAsync(
            BroadcastKit.Command(clientId, RecipientInput.FromStrings([.. numbers, .. repeated]), onDuplicate: DuplicatePolicy.Reject));

        Assert.Equal(ErrorCodes.DuplicateRecipients, outcome.Error?.Code);
        var samples = outcome.Error!.Errors!["recipients"];
        Assert.Equal(10, samples.Length);
        Assert.Equal(10, samples.Distinct().Count());
        Assert.All(samples, s => Assert.Contains(s, numbers.Take(10).Concat(numbers.Skip(20).Take(5))));
        await AssertNothingChangedAsync(clientId, id, before);
    }

    [Fact]
    public async Task A_body_variable_missing_for_a_recipient_is_refused_and_holds_or_stores_nothing()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var before = await SnapshotAsync(clientId);
        var recipients = new RecipientList();
        for (var i = 0; i < 2500; i++)
        {
            // The one without a name sits in the second partition, after a first partition that prices fine.
            recipients.Add(TestNumbers.Us(i), i == 2222 ? null : "Ann");
        }
        var id = BroadcastIds.New();

        var outcome = await cluster.Grains.GetGrain<IBroadcastGrain>(id).CreateAsync(
            BroadcastKit.Command(clientId, recipients.ToInput(), "Hello {{first_name}}"));

        Assert.Equal(ErrorCodes.MissingVariable, outcome.Error?.Code);
        Assert.Contains(TestNumbers.Us(2222), outcome.Error!.Detail, StringComparison.Ordinal);
        await AssertNothingChangedAsync(clientId, id, before);
    }

    [Fact]
    public async Task Create_for_an_unknown_client_is_refused_as_not_found()
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        var id = BroadcastIds.New();

        var outcome = await cluster.Grains.GetGrain<IBroadcastGrain>(id).CreateAsync(BroadcastKit.Command(clientId, UsRecipients(3)));

        Assert.Equal(ErrorCodes.NotFound, outcome.Error?.Code);
        Assert.Null(await cluster.Grains.GetGrain<IBroadcastGrain>(id).GetAsync(clientId));
    }

    [Fact]
    public async Task Dry_run_prices_the_broadcast_and_stores_holds_or_sends_nothing()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var before = await SnapshotAsync(clientId);
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var recipients = RecipientInput.FromStrings([.. Enumerable.Range(0, 2100).Select(TestNumbers.Us), "not-a-number", TestNumbers.Us(7)]);
        var id = BroadcastIds.New();

        var outcome = await cluster.Grains.GetGrain<IBroadcastGrain>(id).CreateAsync(
            BroadcastKit.Command(clientId, recipients, dryRun: true));

        Assert.Null(outcome.Error);
        var priced = outcome.Broadcast!;
        Assert.Equal((2101L, 1L, 1L), (priced.RecipientCount, priced.InvalidCount, priced.DuplicateCount));
        Assert.Equal(2100 * price, priced.EstimatedCredits);
        Assert.Equal((0m, 0m), (priced.HeldCredits, priced.SpentCredits));
        Assert.Equal(priced.RecipientCount, priced.DrSummary.Total());
        await AssertNothingChangedAsync(clientId, id, before);
    }

    [Fact]
    public async Task A_dry_run_leaves_its_id_free_for_the_real_broadcast()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var id = BroadcastIds.New();
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(id);
        var recipients = RecipientInput.FromStrings([.. Enumerable.Range(0, 2100).Select(TestNumbers.Us)]);
        await broadcast.CreateAsync(BroadcastKit.Command(clientId, recipients, dryRun: true));

        var created = await broadcast.CreateAsync(BroadcastKit.Command(clientId, recipients));

        Assert.Null(created.Error);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal(2100, done.DrSummary.Delivered);
        Assert.Equal(done.EstimatedCredits, done.SpentCredits);
    }
}
