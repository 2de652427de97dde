using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>API.md's state rules, the allowed half for starting and cancelling: now, send-now, and cancel from every open status.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StartAndCancelTests(ClusterFixture cluster) : IAsyncLifetime
{
    readonly BroadcastsInState _states = new(cluster.Grains);

    [Fact]
    public async Task A_broadcast_sent_now_is_sending_at_once_holding_its_estimate_and_completes_paying_only_what_it_sent()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains, LifecycleKit.Command(clientId, 20, ScheduleSpec.Now));

        Assert.Equal(BroadcastStatus.Sending, created.Status);
        // The simulator may have taken (and been paid for) some already: held and spent make up the estimate.
        Assert.Equal(created.EstimatedCredits, created.HeldCredits + created.SpentCredits);
        await AssertHeldOnceAsync(wallet, created);
        Assert.NotNull(created.StartedAt);
        Assert.Null(created.NextRunAt);
        Assert.Empty(created.UpcomingRuns);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal((20L, 20L), (done.DrSummary.Delivered, done.DrSummary.Total()));
        Assert.Equal((created.EstimatedCredits, 0m), (done.SpentCredits, done.HeldCredits));
        Assert.NotNull(done.CompletedAt);
        var after = await wallet.GetAsync();
        Assert.Equal((10m - done.SpentCredits, 0m), (after.Balance, after.Held));
        LedgerReader.AssertAddsUp(await LedgerReader.ReadAllAsync(wallet), after);
    }

    [Fact]
    public async Task A_scheduled_broadcast_sent_now_runs_at_once_and_leaves_no_schedule_behind()
    {
        var (clientId, broadcast, scheduled) = await _states.InStateAsync(BroadcastStatus.Scheduled);
        Assert.Equal(0m, scheduled.HeldCredits);

        var started = await broadcast.SendNowAsync(clientId);

        Assert.Null(started.Error);
        Assert.Equal((BroadcastStatus.Sending, scheduled.EstimatedCredits), (started.Broadcast!.Status, started.Broadcast.HeldCredits + started.Broadcast.SpentCredits));
        await AssertHeldOnceAsync(cluster.Grains.GetGrain<IWalletGrain>(clientId), scheduled);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal((BroadcastsInState.Recipients, 1), ((int)done.DrSummary.Delivered, done.Runs));
        Assert.Null(done.NextRunAt);
        Assert.Empty(done.UpcomingRuns);
        var run = Assert.Single((await broadcast.GetRunsAsync(clientId))!);
        Assert.Equal(BroadcastStatus.Completed, run.Status);
        Assert.True(run.ScheduledFor < scheduled.Schedule.ScheduledAt, "send-now runs now, not at the scheduled time");
    }

    [Fact]
    public async Task Cancelling_a_scheduled_broadcast_clears_its_schedule_and_leaves_the_wallet_untouched()
    {
        var (clientId, broadcast, scheduled) = await _states.InStateAsync(BroadcastStatus.Scheduled);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        Assert.Equal(scheduled.Schedule.ScheduledAt, scheduled.NextRunAt);
        Assert.Equal([scheduled.Schedule.ScheduledAt!.Value], scheduled.UpcomingRuns);
        var before = await wallet.GetAsync();

        var cancelled = await broadcast.CancelAsync(clientId);

        Assert.Null(cancelled.Error);
        var view = cancelled.Broadcast!;
        Assert.Equal(BroadcastStatus.Cancelled, view.Status);
        Assert.Null(view.NextRunAt);
        Assert.Empty(view.UpcomingRuns);
        Assert.Equal((0m, 0m), (view.HeldCredits, view.SpentCredits));
        Assert.Equal((BroadcastsInState.Recipients, view.RecipientCount), (view.DrSummary.Cancelled, view.DrSummary.Total()));
        Assert.Equal(before, await wallet.GetAsync());
        Assert.All(await LedgerReader.ReadAllAsync(wallet), e => Assert.Equal(LedgerKind.TopUp, e.Kind));
        BroadcastKit.AssertUnchanged(view, await broadcast.GetAsync(clientId));
    }

    public static TheoryData<BroadcastStatus> Cancellable => new(
        BroadcastStatus.Draft, BroadcastStatus.Scheduled, BroadcastStatus.PendingApproval, BroadcastStatus.Paused, BroadcastStatus.Sending);

    [Theory]
    [MemberData(nameof(Cancellable))]
    public async Task Cancelling_an_unfinished_broadcast_cancels_its_unsent_recipients_and_releases_every_credit_not_spent(BroadcastStatus status)
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var (clientId, broadcast, view) = await _states.InStateAsync(status);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var opening = (await wallet.GetAsync()).Balance + view.SpentCredits;

        var outcome = await broadcast.CancelAsync(clientId);

        Assert.Null(outcome.Error);
        var cancelled = outcome.Broadcast!;
        var summary = cancelled.DrSummary;
        Assert.Equal(BroadcastStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.CompletedAt);
        Assert.Null(cancelled.NextRunAt);
        Assert.Empty(cancelled.UpcomingRuns);
        Assert.Equal(cancelled.RecipientCount, summary.Total());
        Assert.Equal((0L, 0L), (summary.Pending, summary.Queued));
        Assert.Equal(cancelled.RecipientCount - summary.Accepted(), summary.Cancelled);
        Assert.Equal((summary.Accepted() * price, 0m), (cancelled.SpentCredits, cancelled.HeldCredits));
        Assert.Equal(0, summary.Accepted());
        var after = await wallet.GetAsync();
        Assert.Equal((opening - cancelled.SpentCredits, 0m), (after.Balance, after.Held));
        LedgerReader.AssertAddsUp(await LedgerReader.ReadAllAsync(wallet), after);
        BroadcastKit.AssertUnchanged(cancelled, await broadcast.GetAsync(clientId));
    }

    /// <summary>The wallet held the broadcast's whole estimate, in one hold.</summary>
    static async Task AssertHeldOnceAsync(IWalletGrain wallet, BroadcastView broadcast)
    {
        var hold = Assert.Single(await LedgerReader.ReadAllAsync(wallet), e => e.Kind == LedgerKind.Hold && e.BroadcastId == broadcast.Id);
        Assert.Equal(broadcast.EstimatedCredits, hold.HeldDelta);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _states.DisposeAsync();
}
