using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Simulator;

/// <summary>
/// Holds receipt batches until they are due and hands them to the sink. One loop per carrier instead of a timer per
/// message: the delay is constant, so the queue is already ordered by due time and the loop only ever waits for its
/// head.
/// </summary>
internal sealed partial class ReceiptScheduler : IAsyncDisposable
{
    // Sink calls go to many partitions; running a few at once keeps one slow partition from stalling all receipts.
    const int MaxConcurrentDeliveries = 32;
    const int MaxAttempts = 5;
    static readonly TimeSpan BackoffStep = TimeSpan.FromMilliseconds(100);

    readonly Channel<PendingReceipts> _pending =
        Channel.CreateUnbounded<PendingReceipts>(new UnboundedChannelOptions { SingleReader = true });
    readonly SemaphoreSlim _deliverySlots = new(MaxConcurrentDeliveries, MaxConcurrentDeliveries);
    readonly CancellationTokenSource _stopping = new();
    readonly IReceiptSink _sink;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly Task _loop;
    long _sent;
    int _disposed;

    public ReceiptScheduler(IReceiptSink sink, TimeProvider time, ILogger logger)
    {
        _sink = sink;
        _time = time;
        _logger = logger;

        // Task.Run so the loop never inherits the scheduler of whoever resolved the carrier first (an Orleans grain
        // activation resolving it would otherwise own every receipt continuation).
        _loop = Task.Run(RunAsync);
    }

    public long ReceiptsSent => Interlocked.Read(ref _sent);

    /// <summary>Queues receipts; after disposal they are dropped, as a stopped carrier would drop them.</summary>
    public void Schedule(string partitionKey, ReceiptBatch receipts, DateTimeOffset due) =>
        _pending.Writer.TryWrite(new PendingReceipts(partitionKey, receipts, due));

    async Task RunAsync()
    {
        var stopping = _stopping.Token;
        try
        {
            await foreach (var pending in _pending.Reader.ReadAllAsync(stopping))
            {
                // Re-check after waking: a fake clock may have been read before it moved.
                for (var wait = pending.Due - _time.GetUtcNow(); wait > TimeSpan.Zero; wait = pending.Due - _time.GetUtcNow())
                {
                    await Task.Delay(wait, _time, stopping);
                }
                await _deliverySlots.WaitAsync(stopping);
                _ = DeliverAsync(pending, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposal: receipts still queued are lost, like those of a carrier that went away.
        }
    }

    async Task DeliverAsync(PendingReceipts pending, CancellationToken stopping)
    {
        var count = pending.Receipts.Indexes.Length;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _sink.DeliverAsync(pending.PartitionKey, pending.Receipts, stopping);
                    Interlocked.Add(ref _sent, count);
                    return;
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested && attempt < MaxAttempts)
                {
                    // Receipts are at-least-once and partitions ignore duplicates, so resending the whole batch is safe.
                    LogRetrying(ex, pending.PartitionKey, count, attempt);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // The partition's receipt window turns these messages into timeouts; nothing more to do here.
                    LogDropped(ex, pending.PartitionKey, count, attempt);
                    return;
                }
                await Task.Delay(BackoffStep * attempt, _time, stopping);
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Disposal interrupted the delivery or its backoff; whatever the sink threw then no longer matters.
        }
        finally
        {
            _deliverySlots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _pending.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;

        // Taking every slot means every delivery in flight has finished, so nothing touches the sink after disposal.
        for (var i = 0; i < MaxConcurrentDeliveries; i++)
        {
            await _deliverySlots.WaitAsync(CancellationToken.None);
        }
        _stopping.Dispose();
        _deliverySlots.Dispose();
    }

    // Partition keys and counts only: a log line never names a recipient.
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Receipt sink failed for {Count} receipts of partition {PartitionKey} (attempt {Attempt}); retrying")]
    partial void LogRetrying(Exception exception, string partitionKey, int count, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "Dropped {Count} receipts of partition {PartitionKey} after {Attempt} failed attempts")]
    partial void LogDropped(Exception exception, string partitionKey, int count, int attempt);

    sealed record PendingReceipts(string PartitionKey, ReceiptBatch Receipts, DateTimeOffset Due);
}
