using System.Net.Sockets;
using BroadcastGrains.Carrier.Smpp.Protocol;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>
/// One transceiver bind that keeps itself up: connect, bind_transceiver, enquire_link while idle, and on any loss
/// reconnect with a doubling backoff. It owns the window of submits in flight and the pause after a throttling answer.
/// </summary>
internal sealed partial class SmppBind : IAsyncDisposable
{
    static readonly TimeSpan MaxThrottlePause = TimeSpan.FromSeconds(5);
    static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(2);

    readonly int _number;
    readonly SmppOptions _options;
    readonly SmppHealth _health;
    readonly Action<SmppConnection, PduHeader, byte[]> _onDeliver;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly SemaphoreSlim _window;
    readonly TimeSpan _responseTimeout;
    readonly CancellationTokenSource _stopping = new();
    Task? _loop;
    volatile SmppConnection? _current;
    long _pausedUntilTicks;
    int _throttleStreak;

    public SmppBind(int number, SmppOptions options, SmppHealth health, Action<SmppConnection, PduHeader, byte[]> onDeliver,
        TimeProvider time, ILogger logger)
    {
        _number = number;
        _options = options;
        _health = health;
        _onDeliver = onDeliver;
        _time = time;
        _logger = logger;
        _window = new SemaphoreSlim(options.WindowSize, options.WindowSize);
        _responseTimeout = TimeSpan.FromMilliseconds(options.ResponseTimeoutMs);
    }

    public bool IsBound => _current is not null;

    /// <summary>Until when the SMSC asked this bind to slow down.</summary>
    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

    public void Start()
    {
        _health.Report(_number, BindState.Connecting);
        // Task.Run: the loop must never inherit the scheduler of whoever started the carrier (a grain activation).
        _loop ??= Task.Run(RunAsync);
    }

    public bool TryEnter() => _window.Wait(0);

    public Task<bool> EnterAsync(TimeSpan timeout, CancellationToken cancellationToken) => _window.WaitAsync(timeout, cancellationToken);

    public void Exit() => _window.Release();

    /// <summary>Submits one short message on this bind; the caller holds a window slot.</summary>
    public async Task<SubmitOutcome> SubmitAsync(ShortMessagePdu message)
    {
        var connection = _current;
        if (connection is null)
        {
            return SubmitOutcome.NotSent;
        }
        var response = await connection.RequestAsync(sequence => message.Encode(SmppCommand.SubmitSm, sequence), _responseTimeout);
        switch (response.Fate)
        {
            case RequestFate.NotSent:
                return SubmitOutcome.NotSent;
            case RequestFate.NoResponse:
                LogSubmitUnanswered(_number, _responseTimeout.TotalMilliseconds);
                return SubmitOutcome.Unconfirmed;
        }
        var outcome = SubmitOutcome.Of(response.Status, response.Status == SmppStatus.Ok ? Pdus.ReadId(response.Body) : "");
        if (outcome.Fate == SubmitFate.Throttled)
        {
            PauseAfterThrottling(response.Status);
        }
        else if (_throttleStreak != 0)
        {
            Interlocked.Exchange(ref _throttleStreak, 0);
        }
        return outcome;
    }

    void PauseAfterThrottling(uint status)
    {
        // A whole window of refusals arrives at once: they are one episode, so the backoff grows only for a refusal
        // that comes after the previous pause ended.
        var now = _time.GetUtcNow();
        if (now < PausedUntil)
        {
            return;
        }
        var streak = Math.Min(Interlocked.Increment(ref _throttleStreak), 16);
        var pause = TimeSpan.FromMilliseconds(
            Math.Min(_options.ThrottleBackoffMs * Math.Pow(2, streak - 1), MaxThrottlePause.TotalMilliseconds));
        Interlocked.Exchange(ref _pausedUntilTicks, (now + pause).UtcTicks);
        LogThrottled(_number, SmppStatus.Name(status), (int)pause.TotalMilliseconds);
    }

    async Task RunAsync()
    {
        var stopping = _stopping.Token;
        var backoff = TimeSpan.FromMilliseconds(_options.ReconnectMinMs);
        var longest = TimeSpan.FromMilliseconds(_options.ReconnectMaxMs);
        while (!stopping.IsCancellationRequested)
        {
            var wait = backoff;
            try
            {
                wait = await ConnectAndServeAsync(stopping) ? TimeSpan.FromMilliseconds(_options.ReconnectMinMs) : wait;
            }
            catch (SocketException e)
            {
                _health.Report(_number, BindState.Down, e.SocketErrorCode.ToString());
                LogConnectFailed(_number, _options.Host, _options.Port, e.SocketErrorCode.ToString());
            }
            catch (BindRejectedException)
            {
                wait = longest;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            try
            {
                // Jitter keeps the binds of many silos from reconnecting in lockstep after an SMSC restart.
                await Task.Delay(wait * (0.8 + (Random.Shared.NextDouble() * 0.4)), _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, longest.Ticks));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        _health.Forget(_number);
        _stopping.Dispose();
        _window.Dispose();
    }
}
