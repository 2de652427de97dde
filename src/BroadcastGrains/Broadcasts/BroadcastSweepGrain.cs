using BroadcastGrains.Storage;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Broadcasts;

[GrainType("broadcast-sweep")]
internal sealed partial class BroadcastSweepGrain(
    [PersistentState("broadcast-sweep", StorageNames.Grains)] IPersistentState<BroadcastSweepState> sweep,
    ILogger<BroadcastSweepGrain> logger)
    : Grain, IBroadcastSweepGrain, IRemindable
{
    const string Reminder = "sweep";
    static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public async Task TrackAsync(string broadcastId, bool active)
    {
        var changed = active ? sweep.State.Active.Add(broadcastId) : sweep.State.Active.Remove(broadcastId);
        if (changed)
        {
            await sweep.WriteStateAsync();
        }
        if (active)
        {
            await this.RegisterOrUpdateReminder(Reminder, Period, Period);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Not awaited in this turn: a broadcast that wakes may call TrackAsync here, and this grain is not reentrant, so
        // waiting for the wakes would deadlock the two grains until the call timed out.
        _ = WakeAllAsync([.. sweep.State.Active]);
        return Task.CompletedTask;
    }

    /// <summary>Waking is cheap and idempotent: an active broadcast re-arms its timers and wakes its unfinished partitions.</summary>
    async Task WakeAllAsync(string[] broadcastIds)
    {
        var wakes = broadcastIds.Select(async id =>
        {
            try
            {
                await GrainFactory.GetGrain<IBroadcastProgressGrain>(id).WakeAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.WakeFailed(logger, id, e);
            }
        });
        await Task.WhenAll(wakes);
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep could not wake broadcast {BroadcastId}; next minute again")]
        public static partial void WakeFailed(ILogger logger, string broadcastId, Exception exception);
    }
}

[GenerateSerializer, Alias("broadcast-sweep-state")]
internal sealed class BroadcastSweepState
{
    [Id(0)] public HashSet<string> Active { get; set; } = new(StringComparer.Ordinal);
}
