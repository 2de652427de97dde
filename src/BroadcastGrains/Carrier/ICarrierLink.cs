namespace BroadcastGrains.Carrier;

/// <summary>
/// The link to an SMS carrier: submits batches of messages and hands the receipts it gets back to an
/// <see cref="IReceiptSink"/>. One instance per silo, shared by every partition grain; thread-safe.
/// </summary>
public interface ICarrierLink
{
    /// <summary>The carrier's name in <c>/v1/carrier/{carrier}/…</c> (the simulator is <c>simulator</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Submits a batch; writes one result per message into <paramref name="results"/> (same order as the batch).
    /// Throws only for infrastructure faults, in which case no result of the batch may be trusted.
    /// </summary>
    ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken);
}
