using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Progress: partitions report their counts (interleaved, memory only); a timer persists them about once a second and
/// finishes each run whose partitions are all done.
/// </summary>
internal sealed partial class BroadcastGrain
{
    static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    static readonly TimeSpan WakeEvery = TimeSpan.FromSeconds(10);

    IGrainTimer? flushTimer;
    bool dirty;
    DateTimeOffset lastWake;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!State.Exists)
        {
            return;
        }
        if (State.Runs.Any(r => r.IsActive))
        {
            EnsureFlushTimer();
        }
        if (State.NextRunAt is not null)
        {
            await ArmAsync();
        }
    }

    public Task ReportAsync(PartitionProgress progress)
    {
        var run = State.Exists ? State.RunOf(progress.Run) : null;
        if (run is null || (uint)progress.Partition >= (uint)run.Partitions.Length)
        {
            return Task.CompletedTask;
        }
        if (run.Partitions[progress.Partition] is { } known && known.Version >= progress.Version)
        {
            return Task.CompletedTask;
        }
        run.Partitions[progress.Partition] = progress;
        dirty = true;
        EnsureFlushTimer();
        return Task.CompletedTask;
    }

    void EnsureFlushTimer() =>
        flushTimer ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushEvery, FlushEvery) { KeepAlive = true });

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var run in State.Runs.Where(r => r.IsActive && r.AllPartitionsDone).ToList())
        {
            await FinishRunAsync(run);
        }
        if (dirty)
        {
            dirty = false;
            await broadcast.WriteStateAsync();
        }
        if (time.GetUtcNow() - lastWake >= WakeEvery)
        {
            lastWake = time.GetUtcNow();
            await WakePartitionsAsync();
        }
        // Cancelled runs still take receipts for what was sent; keep flushing until their partitions are done too.
        if (!State.Runs.Any(r => r.IsActive || !r.AllPartitionsDone && r.Partitions.Length > 0))
        {
            flushTimer?.Dispose();
            flushTimer = null;
        }
    }
}
