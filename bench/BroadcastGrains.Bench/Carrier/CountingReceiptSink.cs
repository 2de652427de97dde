using BroadcastGrains.Carrier;

namespace BroadcastGrains.Bench.Carrier;

/// <summary>A receipt sink that only counts, and completes a task once it has seen the number it waits for.</summary>
internal sealed class CountingReceiptSink : IReceiptSink
{
    readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    long _count;
    long _target = long.MaxValue;

    public long Count => Interlocked.Read(ref _count);

    public Task DeliverAsync(string partitionKey, ReceiptBatch receipts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        if (Interlocked.Add(ref _count, receipts.Indexes.Length) >= Interlocked.Read(ref _target))
        {
            _reached.TrySetResult();
        }
        return Task.CompletedTask;
    }

    /// <summary>Completes when <paramref name="target"/> receipts have arrived (at once if they already have).</summary>
    public Task WaitForAsync(long target)
    {
        Interlocked.Exchange(ref _target, target);
        if (Count >= target)
        {
            _reached.TrySetResult();
        }
        return _reached.Task;
    }
}
