using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// What partitions call. Progress: they report their counts (interleaved, memory only); a timer persists them about
/// once a second and finishes each run whose partitions are all done. Pacing for drip and quiet hours: the
/// <see cref="SendPacer"/> lives in this single activation, so the rate holds across all partitions and silos together.
/// </summary>
internal sealed partial class BroadcastGrain
{
    static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    static readonly TimeSpan WakeEvery = TimeSpan.FromSeconds(10);

    IGrainTimer? _flushTimer;
    bool _dirty;
    DateTimeOffset _lastWake;
    readonly SendPacer _pacer = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!State.Exists)
        {
            return;
        }
        if (State.Runs.Any(r => r.IsActive || r.AwaitsWalletClose))
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
        if (State.Exists && Lifecycle.Runs.Take(progress))
        {
            _dirty = true;
            EnsureFlushTimer();
        }
        return Task.CompletedTask;
    }

    public Task<SendGrant> AcquireSendsAsync(int run, int wanted) => Task.FromResult(_pacer.Grant(State, run, wanted, time.GetUtcNow()));

    /// <summary>
    /// Tells the wallet to forget each run that is released (stored) and whose partitions are all done: nothing more
    /// can come for it, and the wallet's state stays bounded. A failed call is made again by the next flush.
    /// </summary>
    async Task CloseWalletRunsAsync()
    {
        foreach (var run in State.Runs.Where(r => r.AwaitsWalletClose).ToList())
        {
            await GrainFactory.GetGrain<Wallet.IWalletGrain>(State.ClientId!).CloseRunAsync(Id, run.Run);
            run.WalletClosed = true;
            _dirty = true;
        }
    }

    void EnsureFlushTimer() =>
        _flushTimer ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushEvery, FlushEvery) { KeepAlive = true });

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var run in State.Runs.Where(r => r.IsActive && r.AllPartitionsDone).ToList())
        {
            await FinishRunAsync(run);
        }
        await CloseWalletRunsAsync();
        if (_dirty)
        {
            _dirty = false;
            await broadcast.WriteStateAsync();
        }
        if (time.GetUtcNow() - _lastWake >= WakeEvery)
        {
            _lastWake = time.GetUtcNow();
            await WakePartitionsAsync();
        }
        if (!Lifecycle.Runs.AwaitReports)
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
        }
    }
}
