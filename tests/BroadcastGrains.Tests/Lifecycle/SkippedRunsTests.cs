using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// Issue 13 item 8: a run that could not start within its validity of its due time (the cluster was down: here the
/// broadcasts' clock jumps past it with no wake in between) is <c>skipped</c>, never sent late, and the series goes on.
/// However long a series runs, its state keeps only its newest runs, totals intact.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class SkippedRunsTests(ClockedClusterFixture cluster)
{
    const int Count = 10;
    const int ValidityMinutes = 60;
    readonly ReminderSteps _steps = new(cluster);

    [Fact]
    public async Task A_run_missed_past_its_validity_is_skipped_holding_and_sending_nothing_and_the_next_runs_on_time()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var first = Schedules.WholeSecondsAhead(cluster.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));
        var (broadcast, _) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Recurring("FREQ=DAILY;COUNT=3", first), validityMinutes: ValidityMinutes));

        cluster.Clock.AdvanceTo(first.AddHours(2));
        await ReminderSteps.TickAsync(broadcast);

        var skipped = Assert.Single((await broadcast.GetRunsAsync(clientId))!);
        Assert.Equal((1, BroadcastStatus.Skipped, first, (DateTimeOffset?)null), (skipped.Run, skipped.Status, skipped.ScheduledFor, skipped.StartedAt));
        Assert.Equal((0m, 0m, 0L), (skipped.HeldCredits, skipped.SpentCredits, skipped.DrSummary.Accepted()));
        var between = (await broadcast.GetAsync(clientId))!;
        Assert.Equal((BroadcastStatus.Scheduled, first.AddDays(1), 1), (between.Status, between.NextRunAt, between.Runs));
        Assert.Equal(0m, (await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync()).Held);

        await _steps.StepToAsync(broadcast, clientId, first.AddDays(1));
        var runs = await Eventually.ReadAsync(async () => (await broadcast.GetRunsAsync(clientId))!,
            r => r.Count == 2 && r[1].Status == BroadcastStatus.Completed, "run 2 to complete");
        ReminderSteps.AssertOnTime(first.AddDays(1), runs[1].StartedAt);
        Assert.Equal(Count, runs[1].DrSummary.Delivered);
    }

    [Fact]
    public async Task A_one_off_broadcast_missed_past_its_validity_is_skipped_and_fails_without_sending()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var at = Schedules.WholeSecondsAhead(cluster.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));
        var (broadcast, _) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.At(at), validityMinutes: ValidityMinutes));

        cluster.Clock.AdvanceTo(at.AddMinutes(ValidityMinutes + 1));
        await ReminderSteps.TickAsync(broadcast);

        var failed = (await broadcast.GetAsync(clientId))!;
        Assert.Equal((BroadcastStatus.Failed, (DateTimeOffset?)null, 0m, 0m), (failed.Status, failed.NextRunAt, failed.HeldCredits, failed.SpentCredits));
        Assert.Contains("validity", failed.FailureReason, StringComparison.Ordinal);
        var run = Assert.Single((await broadcast.GetRunsAsync(clientId))!);
        Assert.Equal((BroadcastStatus.Skipped, at), (run.Status, run.ScheduledFor));
        var ledger = await LedgerReader.ReadAllAsync(cluster.Grains.GetGrain<IWalletGrain>(clientId));
        Assert.DoesNotContain(ledger, e => e.Kind == LedgerKind.Hold);
    }

    [Fact]
    public async Task Back_from_an_outage_within_validity_only_the_newest_due_run_is_sent_the_older_ones_skipped()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var first = Schedules.WholeSecondsAhead(cluster.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));
        var (broadcast, _) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Recurring("FREQ=MINUTELY;INTERVAL=15;COUNT=6", first)));

        cluster.Clock.AdvanceTo(first.AddMinutes(50));
        await ReminderSteps.TickAsync(broadcast);

        var runs = await Eventually.ReadAsync(async () => (await broadcast.GetRunsAsync(clientId))!,
            r => r.Count == 4 && r[3].Status == BroadcastStatus.Completed, "the newest due run to complete");
        Assert.Equal([BroadcastStatus.Skipped, BroadcastStatus.Skipped, BroadcastStatus.Skipped, BroadcastStatus.Completed],
            runs.Select(r => r.Status));
        Assert.Equal(Enumerable.Range(0, 4).Select(k => first.AddMinutes(15 * k)), runs.Select(r => r.ScheduledFor));
        var view = (await broadcast.GetAsync(clientId))!;
        Assert.Equal((BroadcastStatus.Scheduled, first.AddMinutes(60)), (view.Status, view.NextRunAt));
        await broadcast.CancelAsync(clientId);
    }

    [Fact]
    public async Task A_series_running_far_longer_than_a_hundred_runs_keeps_the_newest_hundred_and_its_totals()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var first = Schedules.WholeSecondsAhead(cluster.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));
        var (broadcast, _) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Recurring("FREQ=DAILY", first), validityMinutes: ValidityMinutes));
        await _steps.StepToAsync(broadcast, clientId, first);
        await Eventually.ReadAsync(async () => (await broadcast.GetRunsAsync(clientId))!,
            r => r.Count == 1 && r[0].Status == BroadcastStatus.Completed, "run 1 to complete");

        // Down for 150 days: runs 2 to 151 are skipped in one wake.
        cluster.Clock.AdvanceTo(first.AddDays(150).AddHours(2));
        await ReminderSteps.TickAsync(broadcast);

        var view = (await broadcast.GetAsync(clientId))!;
        var runs = (await broadcast.GetRunsAsync(clientId))!;
        Assert.Equal((BroadcastStatus.Scheduled, first.AddDays(151), 151), (view.Status, view.NextRunAt, view.Runs));
        Assert.Equal(Enumerable.Range(52, 100), runs.Select(r => r.Run));
        Assert.All(runs, r => Assert.Equal(BroadcastStatus.Skipped, r.Status));
        Assert.Equal(first.AddDays(150), runs[^1].ScheduledFor);
        // Run 1's spending is no longer listed, and still counted.
        Assert.Equal((Count * price, 0m), (view.SpentCredits, view.HeldCredits));
        await broadcast.CancelAsync(clientId);
    }
}
