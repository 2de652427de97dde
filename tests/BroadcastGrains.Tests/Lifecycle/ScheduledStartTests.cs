using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>A one-off scheduled broadcast: on its schedule before it runs, started by its timer on time, then off it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ScheduledStartTests(ClusterFixture cluster)
{
    /// <summary>API.md / issue 5: a run starts within 5 s of its time (a correctness property of the schedule).</summary>
    static readonly TimeSpan StartsWithin = TimeSpan.FromSeconds(5);

    /// <summary>The grain starts a run this close before its time rather than arm a timer for a few milliseconds.</summary>
    static readonly TimeSpan EarlyAtMost = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_scheduled_broadcast_starts_within_five_seconds_of_its_time_holding_credits_only_then_and_completes()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var at = DateTimeOffset.UtcNow.AddSeconds(4);

        var (broadcast, scheduled) = await LifecycleKit.CreateAsync(cluster.Grains, LifecycleKit.Command(clientId, 10, Schedules.At(at)));

        Assert.Equal(BroadcastStatus.Scheduled, scheduled.Status);
        Assert.Equal(at, scheduled.NextRunAt);
        Assert.Equal([at], scheduled.UpcomingRuns);
        Assert.Equal((0m, 0, (DateTimeOffset?)null), (scheduled.HeldCredits, scheduled.Runs, scheduled.StartedAt));
        Assert.Equal(0m, (await cluster.Grains.GetGrain<Wallet.IWalletGrain>(clientId).GetAsync()).Held);

        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        var late = done.StartedAt!.Value - at;
        Assert.True(late >= -EarlyAtMost && late < StartsWithin, $"scheduled for {at:O}, started {late.TotalSeconds:F3} s later");
        Assert.Equal((10L, scheduled.EstimatedCredits, 0m), (done.DrSummary.Delivered, done.SpentCredits, done.HeldCredits));
        Assert.Null(done.NextRunAt);
        Assert.Empty(done.UpcomingRuns);
        var run = Assert.Single((await broadcast.GetRunsAsync(clientId))!);
        Assert.Equal((1, BroadcastStatus.Completed, at), (run.Run, run.Status, run.ScheduledFor));
        Assert.Equal(done.StartedAt, run.StartedAt);
    }
}
