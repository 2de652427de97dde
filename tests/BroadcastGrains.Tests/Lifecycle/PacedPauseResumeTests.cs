using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>Pause only from sending, resume only from paused, on a paced (drip) broadcast whose partitions ask before each send.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PacedPauseResumeTests(ClusterFixture cluster) : IAsyncLifetime
{
    const int Count = 12;
    const int PerMinute = 120;

    IBroadcastGrain? _broadcast;
    string? _clientId;

    [Fact]
    public async Task A_paused_drip_sends_nothing_until_resumed_then_sends_the_rest_once_each()
    {
        var price = await TestNumbers.PricePerSegmentAsync(cluster.Grains, "US");
        _clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var submittedBefore = cluster.Carrier.Submitted;
        var duplicatesBefore = cluster.Carrier.DuplicateSubmissions;
        (_broadcast, _) = await LifecycleKit.CreateAsync(cluster.Grains, LifecycleKit.Command(_clientId, Count, Schedules.Drip(PerMinute)));
        await _broadcast.WaitUntilAsync(_clientId, v => v.DrSummary.Delivered >= 2, "two messages delivered");

        var paused = await _broadcast.PauseAsync(_clientId);

        Assert.Null(paused.Error);
        Assert.Equal(BroadcastStatus.Paused, paused.Broadcast!.Status);
        var sentByPause = cluster.Carrier.Submitted - submittedBefore;
        Assert.InRange(sentByPause, 2, Count - 2);
        // At two a second, three seconds of a working pause leave the carrier's count where it was.
        var quiet = await Steadily.HoldsAsync(() => _broadcast.GetAsync(_clientId),
            v => v!.Status == BroadcastStatus.Paused && cluster.Carrier.Submitted - submittedBefore == sentByPause,
            TimeSpan.FromSeconds(3), "a paused broadcast submitting nothing");
        Assert.Equal(Count - sentByPause, quiet!.DrSummary.Pending);

        var resumed = await _broadcast.ResumeAsync(_clientId);

        Assert.Null(resumed.Error);
        Assert.Equal(BroadcastStatus.Sending, resumed.Broadcast!.Status);
        var done = await _broadcast.WaitForStatusAsync(_clientId, BroadcastStatus.Completed);
        Assert.Equal(Count, done.DrSummary.Delivered);
        Assert.Equal(Count, cluster.Carrier.Submitted - submittedBefore);
        Assert.Equal(duplicatesBefore, cluster.Carrier.DuplicateSubmissions);
        Assert.Equal((Count * price, 0m), (done.SpentCredits, done.HeldCredits));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_broadcast is not null)
        {
            await _broadcast.CancelAsync(_clientId!);
        }
    }
}
