using BroadcastGrains.Carrier;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Routes receipts to the partitions that sent the messages, one grain call per partition per batch. The partition is
/// read from the carrier message id itself (<see cref="CarrierMessageIds"/>), so no grain keeps a global id table. It
/// lives with the partitions: the carrier links know only <see cref="IReceiptSink"/>, never a partition grain.
/// </summary>
public sealed class ReceiptRouter(IGrainFactory grains) : IReceiptSink
{
    /// <inheritdoc />
    public Task DeliverAsync(string partitionKey, ReceiptBatch receipts, CancellationToken cancellationToken) =>
        grains.GetGrain<IRecipientPartitionGrain>(partitionKey).ApplyReceiptsAsync(receipts);

    /// <summary>Routes receipts given by carrier message id; answers how many named no partition of ours.</summary>
    public async Task<int> RouteAsync(IReadOnlyList<CarrierReceipt> receipts, CancellationToken cancellationToken)
    {
        var unmatched = 0;
        var byPartition = new Dictionary<string, List<(int Index, CarrierReceipt Receipt)>>(StringComparer.Ordinal);
        foreach (var receipt in receipts)
        {
            if (!CarrierMessageIds.TryParse(receipt.CarrierMessageId, out var partition, out var index))
            {
                unmatched++;
                continue;
            }
            if (!byPartition.TryGetValue(partition, out var list))
            {
                byPartition[partition] = list = [];
            }
            list.Add((index, receipt));
        }
        var matched = await Task.WhenAll(byPartition.Select(group =>
            grains.GetGrain<IRecipientPartitionGrain>(group.Key).ApplyReceiptsAsync(ToBatch(group.Value))));
        return unmatched + byPartition.Values.Sum(g => g.Count) - matched.Sum();
    }

    static ReceiptBatch ToBatch(List<(int Index, CarrierReceipt Receipt)> items)
    {
        var indexes = new int[items.Count];
        var outcomes = new ReceiptOutcome[items.Count];
        string?[]? errors = null;
        for (var k = 0; k < items.Count; k++)
        {
            indexes[k] = items[k].Index;
            outcomes[k] = items[k].Receipt.Outcome;
            if (items[k].Receipt.Error is { } error)
            {
                errors ??= new string?[items.Count];
                errors[k] = error;
            }
        }
        return new ReceiptBatch(indexes, outcomes, errors, items.Max(i => i.Receipt.At));
    }
}
