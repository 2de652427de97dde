using System.Collections.Concurrent;
using BroadcastGrains.Carrier;

namespace BroadcastGrains.Tests.Carrier;

/// <summary>
/// A receipt sink that keeps every batch it is given, with the time it arrived on the carrier's clock, and can be told
/// to fail its first calls to exercise the carrier's retries.
/// </summary>
internal sealed class CollectingReceiptSink(TimeProvider? time = null, int failuresBeforeSuccess = 0) : IReceiptSink
{
    readonly ConcurrentQueue<Delivery> _deliveries = new();
    int _calls;

    public IReadOnlyCollection<Delivery> Deliveries => _deliveries;

    public int Calls => Volatile.Read(ref _calls);

    public Task DeliverAsync(string partitionKey, ReceiptBatch receipts, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= failuresBeforeSuccess)
        {
            throw new InvalidOperationException("The partition is not reachable (test sink).");
        }
        _deliveries.Enqueue(new Delivery(partitionKey, receipts, (time ?? TimeProvider.System).GetUtcNow()));
        return Task.CompletedTask;
    }

    /// <summary>Every receipt received, keyed by (partition, index); a receipt sent twice would throw here.</summary>
    public Dictionary<(string PartitionKey, int Index), ReceiptOutcome> Outcomes()
    {
        var outcomes = new Dictionary<(string, int), ReceiptOutcome>();
        foreach (var delivery in _deliveries)
        {
            for (var i = 0; i < delivery.Receipts.Indexes.Length; i++)
            {
                outcomes.Add((delivery.PartitionKey, delivery.Receipts.Indexes[i]), delivery.Receipts.Outcomes[i]);
            }
        }
        return outcomes;
    }

    internal sealed record Delivery(string PartitionKey, ReceiptBatch Receipts, DateTimeOffset ReceivedAt);
}
