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

    readonly string connector;
    readonly int clusterRate;
    readonly IGrainFactory grains;
    readonly TimeProvider time;
    readonly ILogger logger;
    readonly Guid member = Guid.NewGuid();
    readonly CancellationTokenSource stopping = new();
    readonly Lock gate = new();
    readonly FairPartQueue<TaskCompletionSource> waiting = new();
    readonly List<TaskCompletionSource> granted = [];
    Task? renewing;
    Task? dispensing;
    int share = -1;
    double tokens;
    long lastFill;

    /// <summary>A gate for <paramref name="connector"/> at <paramref name="clusterRate"/> parts per second (more than 0).</summary>
    public ConnectorRateGate(string connector, int clusterRate, IGrainFactory grains, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterRate);
        this.connector = connector;
        this.clusterRate = clusterRate;
        this.grains = grains;
        this.time = time;
        this.logger = logger;
        lastFill = time.GetTimestamp();
    }

    /// <summary>
    /// The most parts worth asking for at once: about a tenth of a second of the cluster's rate, so a large batch is let
    /// through in slices that other broadcasts' slices interleave with.
    /// </summary>
    public int SliceParts => Math.Max(1, clusterRate / 10);

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
        lock (gate)
        {
            Fill();
            for (var i = 0; i < slices.Count; i++)
            {
                waiters[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (i == 0 && share > 0 && waiting.IsEmpty && tokens >= slices[0])
                {
                    tokens -= slices[0];
                    waiters[0].SetResult();
                    continue;
                }
                waiting.Enqueue(flow, slices[i], waiters[i]);
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
        lock (gate)
        {
            foreach (var waiter in waiters)
            {
                if (waiting.Remove(flow, waiter))
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
        if (dispensing is null)
        {
            lock (gate)
            {
                renewing ??= Task.Run(RenewLoopAsync);
                dispensing ??= Task.Run(DispenseLoopAsync);
            }
        }
    }

    void Fill()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(lastFill, now).TotalSeconds;
        lastFill = now;
        if (share <= 0)
        {
            return;
        }
        // At most two ticks' worth kept while idle: an idle gate cannot burst past the rate, a late tick loses nothing.
        var cap = Math.Max(1, share * Tick.TotalSeconds * 2);
        tokens = Math.Min(tokens + (share * elapsed), Math.Max(cap, tokens));
    }

    async Task DispenseLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, time, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (gate)
            {
                Fill();
                tokens -= waiting.Dispatch((long)Math.Floor(tokens), granted);
            }
            foreach (var waiter in granted)
            {
                waiter.TrySetResult();
            }
            granted.Clear();
        }
    }

    async Task RenewLoopAsync()
    {
        var grain = grains.GetGrain<IConnectorRateGrain>(connector);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var answer = await grain.ShareAsync(member, clusterRate);
                if (answer != share)
                {
                    lock (gate)
                    {
                        Fill();
                        share = Math.Max(answer, 1);
                    }
                    LogShare(connector, answer, clusterRate);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e, connector);
            }
            try
            {
                await Task.Delay(share < 0 ? TimeSpan.FromSeconds(1) : RenewEvery, time, stopping.Token);
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
        await stopping.CancelAsync();
        if (dispensing is not null)
        {
            await dispensing;
        }
        if (renewing is not null)
        {
            await renewing;
            try
            {
                await grains.GetGrain<IConnectorRateGrain>(connector).LeaveAsync(member);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e, connector);
            }
        }
        stopping.Dispose();
    }

    [LoggerMessage(EventId = 122, Level = LogLevel.Information,
        Message = "Connector {Connector}: this silo's share is {Share} parts/s of the cluster's {ClusterRate}")]
    partial void LogShare(string connector, int share, int clusterRate);

    [LoggerMessage(EventId = 123, Level = LogLevel.Warning,
        Message = "Connector {Connector}: renewing this silo's share of the rate failed; keeping the last one")]
    partial void LogRenewFailed(Exception exception, string connector);
}
