using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// Issue 13 item 1: any time the API accepts (up to a year ahead) is accepted and fires on time, although Orleans
/// refuses timers and reminders more than ~49.7 days ahead. The broadcasts' clock is moved ahead reminder by reminder.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class MonthsAheadTests(ClockedClusterFixture cluster)
{
    const int Count = 10;
    readonly ReminderSteps _steps = new(cluster);

    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    [InlineData(364)]
    public async Task A_broadcast_scheduled_months_ahead_is_accepted_and_starts_at_its_time_not_before(int days)
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var at = WholeSeconds(cluster.Clock.GetUtcNow().AddDays(days));

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains, LifecycleKit.Command(clientId, Count, Schedules.At(at)));

        Assert.Equal((BroadcastStatus.Scheduled, at, 0m), (created.Status, created.NextRunAt, created.HeldCredits));
        var ticks = await _steps.StepToAsync(broadcast, clientId, at);
        Assert.Equal((int)Math.Ceiling(days / 30.0), ticks);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        ReminderSteps.AssertOnTime(at, done.StartedAt);
        Assert.Equal(Count, done.DrSummary.Delivered);
        var run = Assert.Single((await broadcast.GetRunsAsync(clientId))!);
        Assert.Equal((BroadcastStatus.Completed, at), (run.Status, run.ScheduledFor));
    }

    [Fact]
    public async Task A_drip_starting_sixty_days_ahead_is_accepted_and_starts_dripping_at_its_time()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var at = WholeSeconds(cluster.Clock.GetUtcNow().AddDays(60));
        var drip = Schedules.Drip(600) with { ScheduledAt = at };

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains, LifecycleKit.Command(clientId, Count, drip));

        Assert.Equal((BroadcastStatus.Scheduled, at), (created.Status, created.NextRunAt));
        await _steps.StepToAsync(broadcast, clientId, at);
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        ReminderSteps.AssertOnTime(at, done.StartedAt);
        Assert.Equal(Count, done.DrSummary.Delivered);
    }

    [Fact]
    public async Task A_series_running_in_March_and_November_fires_every_run_months_apart_on_time()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var first = FirstOfMarchOrNovemberAfter(cluster.Clock.GetUtcNow().AddDays(50));
        const string rule = "FREQ=YEARLY;BYMONTH=3,11;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0;BYSECOND=0;COUNT=3";

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Recurring(rule, first)));

        var times = created.UpcomingRuns;
        Assert.Equal(3, times.Count);
        Assert.Equal(first, times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First > TimeSpan.FromDays(100)));
        for (var run = 1; run <= times.Count; run++)
        {
            var at = times[run - 1];
            await _steps.StepToAsync(broadcast, clientId, at);
            var ran = run;
            var runs = await Eventually.ReadAsync(async () => (await broadcast.GetRunsAsync(clientId))!,
                r => r.Count == ran && r[^1].Status == BroadcastStatus.Completed, $"run {run} to complete");
            ReminderSteps.AssertOnTime(at, runs[^1].StartedAt);
            Assert.Equal((at, (long)Count), (runs[^1].ScheduledFor, runs[^1].DrSummary.Delivered));
            var view = (await broadcast.GetAsync(clientId))!;
            if (run < times.Count)
            {
                Assert.Equal((BroadcastStatus.Scheduled, times[run]), (view.Status, view.NextRunAt));
            }
        }
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal((3, (DateTimeOffset?)null), (done.Runs, done.NextRunAt));
    }

    static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    static DateTimeOffset FirstOfMarchOrNovemberAfter(DateTimeOffset after)
    {
        for (var month = new DateTimeOffset(after.Year, after.Month, 1, 9, 0, 0, TimeSpan.Zero); ; month = month.AddMonths(1))
        {
            if (month > after && month.Month is 3 or 11)
            {
                return month;
            }
        }
    }
}
