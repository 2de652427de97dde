namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Being swept: the broadcast tells the sweep when it becomes active or ends, and when woken it starts a run that came due
/// while no timer or reminder fired, and wakes partitions that have not finished (they may have lost their silo).
/// </summary>
internal sealed partial class BroadcastGrain
{
    bool? trackedActive;

    async Task TrackForSweepAsync()
    {
        var active = State.Status is BroadcastStatus.Scheduled or BroadcastStatus.Sending or BroadcastStatus.Paused
            || State.Runs.Any(r => r.Partitions.Length > 0 && !r.AllPartitionsDone);
        if (trackedActive != active)
        {
            await GrainFactory.GetGrain<IBroadcastSweepGrain>(IBroadcastSweepGrain.Key).TrackAsync(Id, active);
            trackedActive = active;
        }
    }

    public async Task WakeAsync()
    {
        if (!State.Exists)
        {
            await TrackForSweepAsync();
            return;
        }
        if (State.NextRunAt is not null)
        {
            await OnDueAsync();
        }
        await WakePartitionsAsync();
        await TrackForSweepAsync();
    }

    /// <summary>
    /// Calls every unfinished partition: a live one ignores it, one whose silo died is activated elsewhere and resumes
    /// from its stored state, and one of a sending run that never heard its start (see StartPartitionsAsync) starts.
    /// The flush timer does this every few seconds while a run is active, the sweep once a minute.
    /// </summary>
    async Task WakePartitionsAsync()
    {
        foreach (var run in State.Runs.Where(r => r.Partitions.Length > 0 && !r.AllPartitionsDone))
        {
            EnsureFlushTimer();
            await Task.WhenAll(Partitions(run.Run, State.PartitionCount)
                .Where((_, i) => run.Partitions[i]?.Done != true)
                .Select(p => run.Status == BroadcastStatus.Sending ? p.WakeSendingAsync() : p.WakeAsync()));
        }
    }
}
