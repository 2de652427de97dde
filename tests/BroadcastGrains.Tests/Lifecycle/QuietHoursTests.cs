using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>Quiet hours: outside the delivery window (in the broadcast's time zone) nothing reaches the carrier.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QuietHoursTests(ClusterFixture cluster) : IAsyncLifetime
{
    const int Count = 10;
    static readonly TimeSpan Watch = TimeSpan.FromSeconds(3);

    readonly List<(IBroadcastGrain, string)> _opened = [];

    /// <summary>A window from <paramref name="from"/> to <paramref name="to"/> around the current UTC time of day, to the minute.</summary>
    static DeliveryWindow AroundUtcNow(TimeSpan from, TimeSpan to)
    {
        var now = TimeOnly.FromDateTime(DateTime.UtcNow);
        var minute = new TimeOnly(now.Hour, now.Minute);
        return new DeliveryWindow(minute.Add(from), minute.Add(to));
    }

    public static TheoryData<string, int, int> ClosedWindows => new()
    {
        // Opens in two hours, UTC.
        { "UTC", 120, 180 },
        // Open now by the UTC clock, but the broadcast's zone is nine hours ahead of it (Japan has no daylight saving).
        { "Asia/Tokyo", -60, 60 },
    };

    [Theory]
    [MemberData(nameof(ClosedWindows))]
    public async Task Outside_its_delivery_window_a_broadcast_submits_nothing_and_cancelling_it_releases_every_credit(
        string timezone, int fromMinutes, int toMinutes)
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        var submittedBefore = cluster.Carrier.Submitted;
        var window = AroundUtcNow(TimeSpan.FromMinutes(fromMinutes), TimeSpan.FromMinutes(toMinutes));

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Within(window) with { Timezone = timezone }));
        _opened.Add((broadcast, clientId));

        Assert.Equal(created.EstimatedCredits, created.HeldCredits);
        var waiting = await Steadily.HoldsAsync(() => broadcast.GetAsync(clientId),
            v => v!.DrSummary.Pending == Count && cluster.Carrier.Submitted == submittedBefore,
            Watch, $"nothing submitted outside {window.Start}-{window.End} {timezone}");
        Assert.Equal((0m, created.EstimatedCredits), (waiting!.SpentCredits, waiting.HeldCredits));

        var cancelled = (await broadcast.CancelAsync(clientId)).Broadcast!;

        Assert.Equal((BroadcastStatus.Cancelled, (long)Count, 0m, 0m),
            (cancelled.Status, cancelled.DrSummary.Cancelled, cancelled.SpentCredits, cancelled.HeldCredits));
        var after = await wallet.GetAsync();
        Assert.Equal((10m, 0m), (after.Balance, after.Held));
        var ledger = await LedgerReader.ReadAllAsync(wallet);
        Assert.Equal(created.EstimatedCredits, -ledger.Where(e => e.Kind == LedgerKind.Release).Sum(e => e.HeldDelta));
        LedgerReader.AssertAddsUp(ledger, after);
        Assert.Equal(submittedBefore, cluster.Carrier.Submitted);
    }

    [Fact]
    public async Task Inside_its_delivery_window_a_broadcast_sends_and_completes()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        var window = AroundUtcNow(TimeSpan.FromMinutes(-60), TimeSpan.FromMinutes(60));

        var (broadcast, created) = await LifecycleKit.CreateAsync(cluster.Grains,
            LifecycleKit.Command(clientId, Count, Schedules.Within(window)));
        _opened.Add((broadcast, clientId));

        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal((Count, created.EstimatedCredits), ((int)done.DrSummary.Delivered, done.SpentCredits));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (broadcast, clientId) in _opened)
        {
            await broadcast.CancelAsync(clientId);
        }
    }
}
