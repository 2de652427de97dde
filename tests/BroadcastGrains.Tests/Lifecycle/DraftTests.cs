using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>Drafts: nothing held or sent until send-now; PATCH changes and re-prices them, or changes nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DraftTests(ClusterFixture cluster) : IAsyncLifetime
{
    const int Count = 5;
    /// <summary>161 GSM-7 characters: one more than a single segment holds, so two segments of 153.</summary>
    static readonly string TwoSegmentBody = new('x', 161);

    readonly List<(IBroadcastGrain, string)> _opened = [];

    async Task<(string ClientId, IBroadcastGrain Broadcast, BroadcastView Draft)> DraftAsync(
        RecipientInput? recipients = null, string body = BroadcastKit.PlainBody)
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var (broadcast, draft) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, recipients ?? LifecycleKit.Numbers(Count), Schedules.Draft, body));
        _opened.Add((broadcast, clientId));
        return (clientId, broadcast, draft);
    }

    [Fact]
    public async Task A_draft_holds_and_sends_nothing_until_send_now_then_sends_as_patched_and_completes()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var submittedBefore = cluster.Carrier.Submitted;
        var (clientId, broadcast, draft) = await DraftAsync();
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);

        Assert.Equal((BroadcastStatus.Draft, 0m, Count * price), (draft.Status, draft.HeldCredits, draft.EstimatedCredits));
        Assert.Equal(Count, draft.DrSummary.Pending);
        Assert.Null(draft.NextRunAt);
        Assert.Empty(draft.UpcomingRuns);
        Assert.Equal((10m, 0m), Money(await wallet.GetAsync()));

        var patched = await broadcast.PatchAsync(clientId, new BroadcastPatch { Name = "Renamed sale", Body = TwoSegmentBody });

        Assert.Null(patched.Error);
        Assert.Equal((BroadcastStatus.Draft, "Renamed sale", TwoSegmentBody), (patched.Broadcast!.Status, patched.Broadcast.Name, patched.Broadcast.Body));
        Assert.Equal((2, 2 * Count * price, 0m), (patched.Broadcast.SegmentsPerMessage, patched.Broadcast.EstimatedCredits, patched.Broadcast.HeldCredits));
        Assert.Equal(0m, (await wallet.GetAsync()).Held);
        Assert.Equal(submittedBefore, cluster.Carrier.Submitted);

        var started = await broadcast.SendNowAsync(clientId);

        Assert.Null(started.Error);
        Assert.Equal((BroadcastStatus.Sending, 2 * Count * price), (started.Broadcast!.Status, started.Broadcast.HeldCredits + started.Broadcast.SpentCredits));
        var hold = Assert.Single(await LedgerReader.ReadAllAsync(wallet), e => e.Kind == LedgerKind.Hold);
        Assert.Equal(2 * Count * price, hold.HeldDelta);
        Assert.NotNull(started.Broadcast.StartedAt);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal((Count, (long)Count), (done.DrSummary.Delivered, cluster.Carrier.Submitted - submittedBefore));
        Assert.Equal((2 * Count * price, 0m, 1), (done.SpentCredits, done.HeldCredits, done.Runs));
        Assert.Equal((10m - done.SpentCredits, 0m), Money(await wallet.GetAsync()));
        var run = Assert.Single((await broadcast.GetRunsAsync(clientId))!);
        Assert.Equal((1, BroadcastStatus.Completed, done.SpentCredits), (run.Run, run.Status, run.SpentCredits));
    }

    [Fact]
    public async Task Patching_a_drafts_body_reprices_it_by_encoding_and_segments()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var (clientId, broadcast, draft) = await DraftAsync(body: new string('a', 100));
        Assert.Equal(("GSM7", 1, Count * price), (draft.Encoding, draft.SegmentsPerMessage, draft.EstimatedCredits));

        // ü is in the GSM 03.38 basic alphabet: still GSM-7, one segment for 100 characters.
        var umlaut = await broadcast.PatchAsync(clientId, new BroadcastPatch { Body = "Grüße " + new string('a', 94) });
        Assert.Equal(("GSM7", 1, Count * price), (umlaut.Broadcast?.Encoding, umlaut.Broadcast?.SegmentsPerMessage, umlaut.Broadcast?.EstimatedCredits));

        // ł is not: UCS-2, whose 100 characters need two segments of 67.
        var ucs2 = await broadcast.PatchAsync(clientId, new BroadcastPatch { Body = "Cześć, wróżka mówi ładnie " + new string('a', 74) });
        Assert.Equal(("UCS2", 2, 2 * Count * price), (ucs2.Broadcast?.Encoding, ucs2.Broadcast?.SegmentsPerMessage, ucs2.Broadcast?.EstimatedCredits));

        // 70 UCS-2 characters fit one segment again.
        var short70 = await broadcast.PatchAsync(clientId, new BroadcastPatch { Body = "ł" + new string('a', 69) });
        Assert.Equal(("UCS2", 1, Count * price), (short70.Broadcast?.Encoding, short70.Broadcast?.SegmentsPerMessage, short70.Broadcast?.EstimatedCredits));
        Assert.Equal(0m, short70.Broadcast!.HeldCredits);
        Assert.Equal(0m, (await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync()).Held);
    }

    [Fact]
    public async Task Patching_in_a_variable_the_recipients_lack_is_refused_as_missing_variable_and_the_draft_still_sends_as_it_was()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var someNamed = new RecipientList().Add(TestNumbers.Us(0), "Ann").Add(TestNumbers.Us(1)).Add(TestNumbers.Us(2), "Bob");
        var (clientId, broadcast, _) = await DraftAsync(someNamed.ToInput());
        var before = await LifecycleKit.SnapshotAsync(cluster.Grains, broadcast, clientId);

        var refused = await broadcast.PatchAsync(clientId, new BroadcastPatch { Name = "Personal", Body = "Hi {{first_name}}, " + new string('x', 200) });

        LifecycleKit.AssertRefused(refused, ErrorCodes.MissingVariable, "PATCH with {{first_name}}");
        await before.AssertUnchangedAsync(cluster.Grains, broadcast, clientId);

        // The partitions were put back on the old message: send-now sends and charges that one.
        Assert.Null((await broadcast.SendNowAsync(clientId)).Error);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal((BroadcastKit.PlainBody, 3 * price, 3L), (done.Body, done.SpentCredits, done.DrSummary.Delivered));
    }

    [Fact]
    public async Task Patching_a_draft_into_scheduled_puts_it_on_the_schedule_without_holding_credits()
    {
        var (clientId, broadcast, _) = await DraftAsync();
        var at = DateTimeOffset.UtcNow.AddHours(2);

        var scheduled = await broadcast.PatchAsync(clientId, new BroadcastPatch { ScheduleMode = ScheduleMode.Scheduled, ScheduledAt = at });

        Assert.Null(scheduled.Error);
        var view = scheduled.Broadcast!;
        Assert.Equal((BroadcastStatus.Scheduled, at, 0m), (view.Status, view.NextRunAt, view.HeldCredits));
        Assert.Equal([at], view.UpcomingRuns);
        Assert.Equal(0m, (await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync()).Held);
    }

    static (decimal Balance, decimal Held) Money(WalletView wallet) => (wallet.Balance, wallet.Held);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (broadcast, clientId) in _opened)
        {
            await broadcast.CancelAsync(clientId);
        }
    }
}
