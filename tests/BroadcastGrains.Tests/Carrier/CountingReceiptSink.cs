using BroadcastGrains.Carrier;

namespace BroadcastGrains.Tests.Carrier;

/// <summary>
/// A receipt sink for volume tests: counts receipts and failed outcomes without keeping the batches, so memory stays
/// flat however many messages a test pushes through.
/// </summary>
internal sealed class CountingReceiptSink : IReceiptSink
{
    long _receipts;
    long _failed;

    public long Receipts => Interlocked.Read(ref _receipts);

    public long Failed => Interlocked.Read(ref _failed);

    // Counts per batch and adds once, so a busy test does not turn the sink itself into a contention point.
    public Task DeliverAsync(string partitionKey, ReceiptBatch receipts, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var outcome in receipts.Outcomes)
        {
            failed += outcome == ReceiptOutcome.Failed ? 1 : 0;
        }

        Interlocked.Add(ref _receipts, receipts.Indexes.Length);
        Interlocked.Add(ref _failed, failed);
        return Task.CompletedTask;
    }
}
