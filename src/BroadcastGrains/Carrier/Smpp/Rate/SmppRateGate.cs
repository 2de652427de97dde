using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp.Rate;

/// <summary>
/// This silo's part of the cluster-wide submit rate: a token bucket whose rate is the share the
/// <see cref="ISmppRateGrain"/> grants, renewed every few seconds. Until the first share arrives nothing is sent, so a
/// silo that joins never bursts past the cluster's limit. With no limit configured it lets everything through.
/// </summary>
internal sealed partial class SmppRateGate : IAsyncDisposable
{
    static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);
    const int RefillsPerSecond = 20;

    readonly string _connector;
    readonly int _clusterRate;
    readonly IGrainFactory _grains;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly Guid _member = Guid.NewGuid();
    readonly CancellationTokenSource _stopping = new();
    readonly TaskCompletionSource _firstShare = new(TaskCreationOptions.RunContinuationsAsynchronously);
    TokenBucketRateLimiter? _limiter;
    Task? _loop;
    int _share = -1;

    public SmppRateGate(string connector, int clusterRate, IGrainFactory grains, TimeProvider time, ILogger logger)
    {
        _connector = connector;
        _clusterRate = clusterRate;
        _grains = grains;
        _time = time;
        _logger = logger;
    }

    public void Start()
    {
        if (_clusterRate > 0)
        {
            _loop ??= Task.Run(RenewLoopAsync);
        }
    }

    /// <summary>Waits for one submit's token.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        if (_clusterRate <= 0)
        {
            return;
        }
        await _firstShare.Task.WaitAsync(cancellationToken);
        while (true)
        {
            try
            {
                using var lease = await Volatile.Read(ref _limiter)!.AcquireAsync(1, cancellationToken);
                if (lease.IsAcquired)
                {
                    return;
                }
            }
            catch (ObjectDisposedException)
            {
                // Replaced between reading it and asking it.
            }
            // The limiter was replaced (the share changed) while this waited on it: wait on the new one.
        }
    }

    async Task RenewLoopAsync()
    {
        var grain = _grains.GetGrain<ISmppRateGrain>(_connector);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var share = await grain.ShareAsync(_member, _clusterRate);
                if (share != _share)
                {
                    Replace(Math.Max(share, 1));
                    LogShare(_share = share, _clusterRate);
                    _firstShare.TrySetResult();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e);
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

    void Replace(int perSecond)
    {
        // One refill's worth of tokens at most, so a bucket left idle cannot burst a second's worth at once.
        var perRefill = Math.Max(1, perSecond / RefillsPerSecond);
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perRefill,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)perRefill / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        Interlocked.Exchange(ref _limiter, limiter)?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
            try
            {
                await _grains.GetGrain<ISmppRateGrain>(_connector).LeaveAsync(_member);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e);
            }
        }
        _limiter?.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information,
        Message = "SMPP submit rate: this silo's share is {Share}/s of the cluster's {ClusterRate}/s")]
    partial void LogShare(int share, int clusterRate);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning,
        Message = "SMPP submit rate: renewing this silo's share failed; keeping the last one")]
    partial void LogRenewFailed(Exception exception);
}
