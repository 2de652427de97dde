using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// A recurring series: every run holds, sends and settles on its own, the broadcast is scheduled between runs and
/// completed after the last. Runs are 15 minutes apart (the closest API.md allows); the broadcasts' clock is moved to
/// a few seconds before each, and the grain's timer, not the once-a-minute reminder, starts it on time.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class RecurringTests(ClockedClusterFixture cluster) : IAsyncLifetime
{
    const int Count = 20;
    const string EveryQuarterHourThrice = "FREQ=MINUTELY;INTERVAL=15;COUNT=3";
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
    static readonly TimeSpan StartsWithin = TimeSpan.FromSeconds(5);
    static readonly TimeSpan SeriesDeadline = TimeSpan.FromSeconds(60);

    readonly List<(IBroadcastGrain, string)> _opened = [];
    readonly ReminderSteps _steps = new(cluster);

    [Fact]
    public async Task Each_run_holds_and_counts_on_its_own_and_a_run_that_cannot_be_paid_fails_while_the_series_goes_on()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        var perRun = Count * price;
        // Enough for one run: the second cannot be paid; a top-up before the third lets it run.
        var clientId = await TestClients.CreateAsync(cluster.Grains, perRun);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var start = Schedules.WholeSecondsAhead(cluster.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));
        DateTimeOffset[] times = [start, start + Interval, start + (2 * Interval)];

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Recurring(EveryQuarterHourThrice, start)));
        _opened.Add((broadcast, clientId));

        Assert.Equal((BroadcastStatus.Scheduled, start, 0m), (created.Status, created.NextRunAt, created.HeldCredits));
        Assert.Equal(times, created.UpcomingRuns);
        Assert.Equal(perRun, created.EstimatedCredits);

        await _steps.StepToAsync(broadcast, clientId, times[0]);
        var (afterFirst, _) = await ReadUntilAsync(broadcast, clientId, runs => runs.Count == 1 && runs[0].Status == BroadcastStatus.Completed,
            "run 1 to complete");
        Assert.Equal(BroadcastStatus.Scheduled, afterFirst.Status);
        Assert.Equal(times[1], afterFirst.NextRunAt);
        Assert.Equal(times[1..], afterFirst.UpcomingRuns);

        await _steps.StepToAsync(broadcast, clientId, times[1]);
        var (afterSecond, _) = await ReadUntilAsync(broadcast, clientId, runs => runs.Count == 2, "run 2 to come due");
        Assert.Equal(BroadcastStatus.Scheduled, afterSecond.Status);
        Assert.Equal(times[2], afterSecond.NextRunAt);
        Assert.Equal(0m, (await wallet.GetAsync()).Held);
        await wallet.TopUpAsync("for-the-third-run", perRun);

        await _steps.StepToAsync(broadcast, clientId, times[2]);
        var (done, runs) = await ReadUntilAsync(broadcast, clientId, runs => runs.Count == 3 && runs[2].Status == BroadcastStatus.Completed,
            "run 3 to complete");
        done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        Assert.Equal([1, 2, 3], runs.Select(r => r.Run));
        Assert.Equal(times, runs.Select(r => r.ScheduledFor));
        Assert.Equal([BroadcastStatus.Completed, BroadcastStatus.Failed, BroadcastStatus.Completed], runs.Select(r => r.Status));
        foreach (var paid in new[] { runs[0], runs[2] })
        {
            var late = paid.StartedAt!.Value - paid.ScheduledFor;
            Assert.True(late < StartsWithin, $"run {paid.Run} started {late.TotalSeconds:F3} s after its time");
            Assert.Equal((Count, (long)Count, Count), ((int)paid.RecipientCount, paid.DrSummary.Total(), (int)paid.DrSummary.Delivered));
            Assert.Equal((perRun, 0m), (paid.SpentCredits, paid.HeldCredits));
        }
        var unpaid = runs[1];
        Assert.Contains("insufficient", unpaid.FailureReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((0m, 0m, (DateTimeOffset?)null), (unpaid.SpentCredits, unpaid.HeldCredits, unpaid.StartedAt));

        Assert.Equal((3, 2 * perRun, 0m), (done.Runs, done.SpentCredits, done.HeldCredits));
        Assert.Null(done.NextRunAt);
        Assert.Empty(done.UpcomingRuns);
        Assert.Equal(done.RecipientCount, done.DrSummary.Total());
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        var holds = ledger.Where(e => e.Kind == LedgerKind.Hold && e.BroadcastId == done.Id).OrderBy(e => e.Sequence).ToList();
        Assert.Equal([$"{done.Id}/hold/1", $"{done.Id}/hold/3"], holds.Select(h => h.Reference));
        Assert.All(holds, h => Assert.Equal(perRun, h.HeldDelta));
        var after = await wallet.GetAsync();
        Assert.Equal((0m, 0m), (after.Balance, after.Held));
        LedgerReader.AssertAddsUp(ledger, after);
    }

    [Fact]
    public async Task Upcoming_runs_list_the_next_five_occurrences_and_empty_when_the_series_is_cancelled()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var first = new DateTimeOffset(cluster.Clock.GetUtcNow().Date.AddDays(2).AddHours(9), TimeSpan.Zero);

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Recurring("FREQ=DAILY", first)));
        _opened.Add((broadcast, clientId));

        Assert.Equal((BroadcastStatus.Scheduled, first), (created.Status, created.NextRunAt));
        Assert.Equal(Enumerable.Range(0, 5).Select(d => first.AddDays(d)), created.UpcomingRuns);
        Assert.Equal(0m, (await cluster.Grains.GetGrain<IWalletGrain>(clientId).GetAsync()).Held);

        var cancelled = (await broadcast.CancelAsync(clientId)).Broadcast!;

        Assert.Equal(BroadcastStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.NextRunAt);
        Assert.Empty(cancelled.UpcomingRuns);
        Assert.Empty((await broadcast.GetRunsAsync(clientId))!);
    }

    static async Task<(BroadcastView View, IReadOnlyList<RunView> Runs)> ReadUntilAsync(IBroadcastGrain broadcast, string clientId,
        Func<IReadOnlyList<RunView>, bool> done, string waitingFor) =>
        await Eventually.ReadAsync(
            async () =>
            {
                // Runs first, then the view: a run that finishes between the two reads then shows in both (the broadcast
                // moves its own status in the turn that finishes the run), never finished in one and sending in the other.
                var runs = (await broadcast.GetRunsAsync(clientId))!;
                return ((await broadcast.GetAsync(clientId))!, runs);
            },
            read => read.Item1.Runs == read.Item2.Count && done(read.Item2), SeriesDeadline, waitingFor);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (broadcast, clientId) in _opened)
        {
            await broadcast.CancelAsync(clientId);
        }
    }
}
