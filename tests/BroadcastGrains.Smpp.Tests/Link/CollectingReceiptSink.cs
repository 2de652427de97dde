using System.Collections.Concurrent;
using BroadcastGrains.Carrier;

namespace BroadcastGrains.Smpp.Tests.Link;

/// <summary>Stands in for the partitions: keeps every (partition, index) → outcome the carrier routes.</summary>
internal sealed class CollectingReceiptSink : IReceiptSink
{
    readonly ConcurrentQueue<(string Partition, int Index, ReceiptOutcome Outcome)> _receipts = new();
    int _failNext;

    /// <summary>Makes the next <paramref name="calls"/> deliveries throw, as a partition that is moving silos would.</summary>
    public void FailNext(int calls) => Volatile.Write(ref _failNext, calls);

    public IReadOnlyList<(string Partition, int Index, ReceiptOutcome Outcome)> Receipts => [.. _receipts];

    public int Count => _receipts.Count;

    public Task DeliverAsync(string partitionKey, ReceiptBatch receipts, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            throw new TimeoutException("the partition did not answer");
        }
        for (var k = 0; k < receipts.Indexes.Length; k++)
        {
            _receipts.Enqueue((partitionKey, receipts.Indexes[k], receipts.Outcomes[k]));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Outcome per index of one partition. Fails the test if an index got two receipts, or, where
    /// <paramref name="repeatsAllowed"/> (a connection dropped while receipts were unanswered, so the SMSC sends them
    /// again, as SMPP allows), if an index got two different outcomes: partitions ignore a repeat, not a contradiction.
    /// </summary>
    public Dictionary<int, ReceiptOutcome> OutcomesOf(string partition, bool repeatsAllowed = false)
    {
        var outcomes = new Dictionary<int, ReceiptOutcome>();
        foreach (var receipt in Receipts.Where(r => r.Partition == partition))
        {
            if (outcomes.TryGetValue(receipt.Index, out var first))
            {
                Assert.True(repeatsAllowed, $"recipient {receipt.Index} got two receipts");
                Assert.Equal(first, receipt.Outcome);
                continue;
            }
            outcomes.Add(receipt.Index, receipt.Outcome);
        }
        return outcomes;
    }
}
