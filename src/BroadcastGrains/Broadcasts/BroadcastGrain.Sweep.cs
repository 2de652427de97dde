namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Being swept: the broadcast tells the sweep when it becomes active or ends, and when woken it starts a run that came due
/// while no timer or reminder fired, and wakes partitions that have not finished (they may have lost their silo).
/// </summary>
internal sealed partial class BroadcastGrain
{
    bool? _trackedActive;

    /// <summary>Whether this activation has made sure of the broadcast's index row.</summary>
    bool _indexed;

    /// <summary>Also tracks a broadcast with an undo to finish, or (<paramref name="undoPending"/>) about to store one.</summary>
    async Task TrackForSweepAsync(bool undoPending = false)
    {
        var active = Lifecycle.Swept(undoPending);
        if (_trackedActive != active)
        {
            await GrainFactory.GetGrain<IBroadcastSweepGrain>(IBroadcastSweepGrain.Key).TrackAsync(Id, active);
            _trackedActive = active;
        }
    }

    public async Task WakeAsync()
    {
        await FinishUndoAsync();
        if (!State.Exists)
        {
            await TrackForSweepAsync();
            return;
        }
        if (State.NextRunAt is not null)
        {
            await OnDueAsync(byReminder: false);
        }
        if (!_indexed)
        {
            // A silo that died between a create's commit and its index row: the row is written here, the create stands.
            await GrainFactory.GetGrain<IClientBroadcastsGrain>(State.ClientId!).UpsertAsync(Id, State.Status, State.CreatedAt);
            _indexed = true;
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
        foreach (var run in State.Runs.Where(r => r.Settling))
        {
            EnsureFlushTimer();
            await Task.WhenAll(Partitions(run.Run, run.Partitions.Length)
                .Where((_, i) => run.Partitions[i]?.Done != true)
                .Select(p => run.Status != BroadcastStatus.Sending ? p.WakeAsync()
                    : run.RetryStatuses is { } statuses ? p.StartRetryAsync(run.Run, statuses) : p.WakeSendingAsync()));
        }
    }
}
