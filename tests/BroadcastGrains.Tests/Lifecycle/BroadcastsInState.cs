using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// Makes a broadcast in any status of API.md, each for a fresh client, and cancels whatever is still open when the test
/// ends so nothing keeps sending into the next test of the shared cluster. "Sending" is a broadcast started now whose
/// delivery window opens in two hours: it holds its credits and stays sending, unchanged, while a test acts on it.
/// </summary>
internal sealed class BroadcastsInState(IGrainFactory grains) : IAsyncDisposable
{
    public const int Recipients = 3;
    const decimal OpeningBalance = 10m;

    readonly List<(IBroadcastGrain Grain, string ClientId)> _made = [];

    /// <summary>Every status a broadcast can have (<c>skipped</c> is a run's only).</summary>
    public static TheoryData<BroadcastStatus> All =>
        new(Enum.GetValues<BroadcastStatus>().Where(s => s is not (BroadcastStatus.Failed or BroadcastStatus.Skipped)));

    public async Task<Made> InStateAsync(BroadcastStatus status)
    {
        switch (status)
        {
            case BroadcastStatus.Draft:
                return await CreateAsync(Schedules.Draft);
            case BroadcastStatus.Scheduled:
                return await CreateAsync(Schedules.At(DateTimeOffset.UtcNow.AddHours(1)));
            case BroadcastStatus.PendingApproval:
            {
                var clientId = await LifecycleKit.ClientWithThresholdsAsync(grains, OpeningBalance, recipients: 1, creditLimit: null);
                return await CreateAsync(ScheduleSpec.Now, clientId);
            }
            case BroadcastStatus.Sending:
                return await CreateAsync(Schedules.Within(ClosedWindow()));
            case BroadcastStatus.Paused:
            {
                var sending = await InStateAsync(BroadcastStatus.Sending);
                var paused = await sending.Grain.PauseAsync(sending.ClientId);
                Assert.Null(paused.Error);
                return sending with { View = paused.Broadcast! };
            }
            case BroadcastStatus.Completed:
            {
                var now = await CreateAsync(ScheduleSpec.Now);
                return now with { View = await now.Grain.WaitForStatusAsync(now.ClientId, BroadcastStatus.Completed) };
            }
            case BroadcastStatus.Cancelled:
            {
                var draft = await CreateAsync(Schedules.Draft);
                var cancelled = await draft.Grain.CancelAsync(draft.ClientId);
                Assert.Null(cancelled.Error);
                return draft with { View = cancelled.Broadcast! };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "no recipe for this status");
        }
    }

    /// <summary>Opens in two hours (UTC), so nothing is sent while a test runs.</summary>
    static DeliveryWindow ClosedWindow()
    {
        var now = TimeOnly.FromDateTime(DateTime.UtcNow);
        return new DeliveryWindow(now.AddHours(2), now.AddHours(3));
    }

    async Task<Made> CreateAsync(ScheduleSpec schedule, string? clientId = null)
    {
        clientId ??= await TestClients.CreateAsync(grains, OpeningBalance);
        var (grain, view) = await LifecycleKit.CreateAsync(grains, LifecycleKit.Command(clientId, Recipients, schedule));
        _made.Add((grain, clientId));
        return new Made(clientId, grain, view);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (grain, clientId) in _made)
        {
            // Completed and cancelled ones answer a refusal; every other one stops here.
            await grain.CancelAsync(clientId);
        }
    }
}
