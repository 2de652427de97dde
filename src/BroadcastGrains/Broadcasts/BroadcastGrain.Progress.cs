using BroadcastGrains.Partitions;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Progress: partitions report their counts (interleaved, memory only); a timer persists them about once a second and
/// finishes the broadcast when every partition is done.
/// </summary>
internal sealed partial class BroadcastGrain
{
    static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    IGrainTimer? flushTimer;
    bool dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Exists && State.Status is BroadcastStatus.Sending or BroadcastStatus.Paused)
        {
            EnsureFlushTimer();
        }
        return Task.CompletedTask;
    }

    public Task ReportAsync(PartitionProgress progress)
    {
        if (!State.Exists || (uint)progress.Partition >= (uint)State.Partitions.Length)
        {
            return Task.CompletedTask;
        }
        if (State.Partitions[progress.Partition] is { } known && known.Version >= progress.Version)
        {
            return Task.CompletedTask;
        }
        State.Partitions[progress.Partition] = progress;
        dirty = true;
        EnsureFlushTimer();
        return Task.CompletedTask;
    }

    void EnsureFlushTimer() =>
        flushTimer ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushEvery, FlushEvery) { KeepAlive = true });

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (State.Status == BroadcastStatus.Sending && State.Partitions.All(p => p?.Done == true))
        {
            await FinishAsync();
        }
        if (dirty)
        {
            dirty = false;
            await broadcast.WriteStateAsync();
        }
        if (State.Status is not (BroadcastStatus.Sending or BroadcastStatus.Paused) && State.Partitions.All(p => p?.Done != false))
        {
            flushTimer?.Dispose();
            flushTimer = null;
        }
    }

    async Task FinishAsync()
    {
        State.Released += await ReleaseRemainderAsync();
        State.Status = BroadcastStatus.Completed;
        State.CompletedAt = time.GetUtcNow();
        await broadcast.WriteStateAsync();
        await IndexAsync();
        Log.Finished(logger, Id, State.Status.ToApiName());
    }

    /// <summary>Gives back whatever the broadcast still holds; one operation id per run, so it happens once.</summary>
    Task<decimal> ReleaseRemainderAsync() =>
        GrainFactory.GetGrain<IWalletGrain>(State.ClientId!).ReleaseRemainderAsync($"{Id}/release/{FirstRun}", Id);
}
