using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>
/// This silo's part of a connector's cluster-wide rate, in message parts: a bucket filled at the share the
/// <see cref="IConnectorRateGrain"/> grants (renewed every few seconds), emptied fairly among the broadcasts waiting
/// (<see cref="FairPartQueue{TWaiter}"/>), so one broadcast's backlog never queues another's messages behind it. Until
/// the first share arrives nothing is let through, so a silo that joins never bursts past the cluster's limit.
/// </summary>
public sealed partial class ConnectorRateGate : IAsyncDisposable
{
    static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);
    static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    readonly string _connector;
    readonly int _clusterRate;
    readonly IGrainFactory _grains;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly Guid _member = Guid.NewGuid();
    readonly CancellationTokenSource _stopping = new();
    readonly Lock _gate = new();
    readonly FairPartQueue<TaskCompletionSource> _waiting = new();
    readonly List<TaskCompletionSource> _granted = [];
    Task? _renewing;
    Task? _dispensing;
    int _share = -1;
    double _tokens;
    long _lastFill;

    /// <summary>A gate for <paramref name="connector"/> at <paramref name="clusterRate"/> parts per second (more than 0).</summary>
    public ConnectorRateGate(string connector, int clusterRate, IGrainFactory grains, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterRate);
        _connector = connector;
        _clusterRate = clusterRate;
        _grains = grains;
        _time = time;
        _logger = logger;
        _lastFill = time.GetTimestamp();
    }

    /// <summary>
    /// The most parts worth asking for at once: about a tenth of a second of the cluster's rate, so a large batch is let
    /// through in slices that other broadcasts' slices interleave with.
    /// </summary>
    public int SliceParts => Math.Max(1, _clusterRate / 10);

    /// <summary>
    /// Queues the slices of one batch of <paramref name="flow"/> together, in order (so a batch is let through before the
    /// next batch of the same broadcast, not interleaved with it), and answers one task per slice that completes when
    /// its parts may go, or is cancelled with <paramref name="cancellationToken"/> if it had not been let through.
    /// </summary>
    public Task[] Reserve(string flow, IReadOnlyList<int> slices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slices);
        StartOnce();
        var waiters = new TaskCompletionSource[slices.Count];
        lock (_gate)
        {
            Fill();
            for (var i = 0; i < slices.Count; i++)
            {
                waiters[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (i == 0 && _share > 0 && _waiting.IsEmpty && _tokens >= slices[0])
                {
                    _tokens -= slices[0];
                    waiters[0].SetResult();
                    continue;
                }
                _waiting.Enqueue(flow, slices[i], waiters[i]);
            }
        }
        if (cancellationToken.CanBeCanceled && !waiters[^1].Task.IsCompleted)
        {
            var registration = cancellationToken.Register(() => Withdraw(flow, waiters));
            _ = waiters[^1].Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return [.. waiters.Select(w => w.Task)];
    }

    void Withdraw(string flow, TaskCompletionSource[] waiters)
    {
        var withdrawn = new List<TaskCompletionSource>();
        lock (_gate)
        {
            foreach (var waiter in waiters)
            {
                if (_waiting.Remove(flow, waiter))
                {
                    withdrawn.Add(waiter);
                }
            }
        }
        foreach (var waiter in withdrawn)
        {
            waiter.TrySetCanceled();
        }
    }

    void StartOnce()
    {
        if (_dispensing is null)
        {
            lock (_gate)
            {
                _renewing ??= Task.Run(RenewLoopAsync);
                _dispensing ??= Task.Run(DispenseLoopAsync);
            }
        }
    }

    void Fill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastFill, now).TotalSeconds;
        _lastFill = now;
        if (_share <= 0)
        {
            return;
        }
        // At most two ticks' worth kept while idle: an idle gate cannot burst past the rate, a late tick loses nothing.
        var cap = Math.Max(1, _share * Tick.TotalSeconds * 2);
        _tokens = Math.Min(_tokens + (_share * elapsed), Math.Max(cap, _tokens));
    }

    async Task DispenseLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, _time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_gate)
            {
                Fill();
                _tokens -= _waiting.Dispatch((long)Math.Floor(_tokens), _granted);
            }
            foreach (var waiter in _granted)
            {
                waiter.TrySetResult();
            }
            _granted.Clear();
        }
    }

    async Task RenewLoopAsync()
    {
        var grain = _grains.GetGrain<IConnectorRateGrain>(_connector);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var answer = await grain.ShareAsync(_member, _clusterRate);
                if (answer != _share)
                {
                    lock (_gate)
                    {
                        Fill();
                        _share = Math.Max(answer, 1);
                    }
                    LogShare(_connector, answer, _clusterRate);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e, _connector);
            }
            try
            {
                await Task.Delay(_share < 0 ? TimeSpan.FromSeconds(1) : RenewEvery, _time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_dispensing is not null)
        {
            await _dispensing;
        }
        if (_renewing is not null)
        {
            await _renewing;
            try
            {
                await _grains.GetGrain<IConnectorRateGrain>(_connector).LeaveAsync(_member);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e, _connector);
            }
        }
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 122, Level = LogLevel.Information,
        Message = "Connector {Connector}: this silo's share is {Share} parts/s of the cluster's {ClusterRate}")]
    partial void LogShare(string connector, int share, int clusterRate);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning,
        Message = "Connector {Connector}: renewing this silo's share of the rate failed; keeping the last one")]
    partial void LogRenewFailed(Exception exception, string connector);
}
