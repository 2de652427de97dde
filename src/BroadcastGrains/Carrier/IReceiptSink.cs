namespace BroadcastGrains.Carrier;

/// <summary>Where a carrier link delivers receipts: routes them, in batches, to the partition that sent each message.</summary>
public interface IReceiptSink
{
    /// <summary>Delivers receipts for one partition; completes when the partition has applied them.</summary>
    Task DeliverAsync(string partitionKey, ReceiptBatch receipts, CancellationToken cancellationToken);
}
