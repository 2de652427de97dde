using System.Buffers;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Carrier.Simulator;

/// <summary>
/// The embedded in-process carrier. Accepts messages at a configurable rate, decides each one's outcome
/// deterministically from the seed, and sends one receipt batch per submitted batch after a fixed delay.
/// One instance per silo: its rate cap is the silo's.
/// </summary>
public sealed partial class SimulatorCarrier : ICarrierLink, IAsyncDisposable
{
    const string BlockedError = "blocked";
    const string ThrottledError = "throttled";

    // Aim for about 20 refills a second so waiting submitters move smoothly rather than in one-second lurches.
    const int RefillsPerSecond = 20;

    readonly TimeProvider _time;
    readonly OutcomeMix _mix;
    readonly TimeSpan _receiptDelay;
    readonly TokenBucketRateLimiter? _limiter;
    readonly int _maxPermitsPerAcquire;
    readonly SubmissionTracker? _tracker;
    readonly SubmissionLog? _log;
    readonly ReceiptScheduler _receipts;
    long _submitted;
    volatile bool _disposed;

    public SimulatorCarrier(
        IOptions<SimulatorOptions> options, IReceiptSink sink, TimeProvider time, ILogger<SimulatorCarrier> logger)
        : this(DefaultName, options, sink, time, logger)
    {
    }

    /// <summary>A simulator named <paramref name="name"/> (a connector of <c>Broadcast:Connectors</c>).</summary>
    public SimulatorCarrier(
        string name, IOptions<SimulatorOptions> options, IReceiptSink sink, TimeProvider time, ILogger<SimulatorCarrier> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        var settings = options.Value;
        _time = time;
        _mix = new OutcomeMix(settings);
        _receiptDelay = TimeSpan.FromMilliseconds(settings.ReceiptDelayMs);
        _tracker = settings.TrackSubmissions ? new SubmissionTracker() : null;
        _log = string.IsNullOrEmpty(settings.SubmissionLogPath) ? null : new SubmissionLog(settings.SubmissionLogPath);
        if (settings.MessagesPerSecond > 0)
        {
            // The bucket holds one refill, not a second's worth, so a cold start cannot burst past the cap.
            _maxPermitsPerAcquire = Math.Max(1, settings.MessagesPerSecond / RefillsPerSecond);
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = _maxPermitsPerAcquire,
                TokensPerPeriod = _maxPermitsPerAcquire,
                ReplenishmentPeriod = TimeSpan.FromSeconds((double)_maxPermitsPerAcquire / settings.MessagesPerSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
        _receipts = new ReceiptScheduler(sink, time, logger);
        LogStarted(logger, settings.MessagesPerSecond, settings.ReceiptDelayMs, settings.Seed);
    }

    /// <summary>The name of the simulator that <c>Broadcast:Carrier=Simulator</c> (the default) configures.</summary>
    public const string DefaultName = "simulator";

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Messages answered Accepted or Rejected (throttled ones are not counted).</summary>
    public long Submitted => Interlocked.Read(ref _submitted);

    /// <summary>Receipts the sink has taken.</summary>
    public long ReceiptsSent => _receipts.ReceiptsSent;

    /// <summary>Messages submitted again after an earlier submit; counted only with <c>TrackSubmissions</c>.</summary>
    public long DuplicateSubmissions => _tracker?.Duplicates ?? 0;

    /// <inheritdoc />
    public async ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, batch.Count, nameof(results));

        var outcomes = ArrayPool<SimulatedOutcome>.Shared.Rent(batch.Count);
        try
        {
            var batchKey = _mix.BatchKey(batch.PartitionKey);
            var done = 0;
            while (done < batch.Count)
            {
                var permitted = await AcquireAsync(batch.Count - done, done > 0, cancellationToken);
                if (permitted == 0)
                {
                    break;
                }
                Decide(batch, batchKey, done, permitted, outcomes, results.Span);
                done += permitted;
            }

            // Whatever the cap or a cancellation left over is honestly "not taken now", never silently lost.
            results.Span[done..batch.Count].Fill(new SubmitResult(SubmitStatus.RetryLater, null, ThrottledError));
            Interlocked.Add(ref _submitted, done);
            _tracker?.Record(batch, done);
            _log?.Record(batch, done);
            var due = _time.GetUtcNow() + _receiptDelay;
            if (ReceiptColumns.Build(batch, outcomes, done, due) is { } receipts)
            {
                _receipts.Schedule(batch.PartitionKey, receipts, due);
            }
        }
        finally
        {
            ArrayPool<SimulatedOutcome>.Shared.Return(outcomes);
        }
    }

    /// <summary>
    /// Waits for up to <paramref name="wanted"/> permits; 0 if none were granted. A cancellation after part of the batch
    /// went out returns 0 so those parts keep their results; before that it throws, as nothing was taken.
    /// </summary>
    async ValueTask<int> AcquireAsync(int wanted, bool partlySubmitted, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return wanted;
        }
        var permits = Math.Min(wanted, _maxPermitsPerAcquire);
        try
        {
            using var lease = await _limiter.AcquireAsync(permits, cancellationToken);
            return lease.IsAcquired ? permits : 0;
        }
        catch (OperationCanceledException) when (partlySubmitted)
        {
            return 0;
        }
    }

    void Decide(SubmitBatch batch, ulong batchKey, int start, int count, SimulatedOutcome[] outcomes, Span<SubmitResult> results)
    {
        for (var i = start; i < start + count; i++)
        {
            var outcome = _mix.Draw(batchKey, batch.Numbers[i], batch.Indexes[i]);
            outcomes[i] = outcome;
            results[i] = outcome == SimulatedOutcome.Blocked
                ? new SubmitResult(SubmitStatus.Rejected, null, BlockedError)
                : new SubmitResult(SubmitStatus.Accepted, null, null);
        }
    }

    /// <summary>Stops the receipt loop; receipts not yet delivered are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _receipts.DisposeAsync();
        _limiter?.Dispose();
        _log?.Dispose();
    }

    [LoggerMessage(EventId = 0, Level = LogLevel.Information,
        Message = "Simulator carrier: cap {MessagesPerSecond} msg/s (0 = none), receipts after {ReceiptDelayMs} ms, seed {Seed}")]
    static partial void LogStarted(ILogger logger, int messagesPerSecond, int receiptDelayMs, long seed);
}
