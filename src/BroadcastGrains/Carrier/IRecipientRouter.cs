namespace BroadcastGrains.Carrier;

/// <summary>
/// The seam for "which connector takes this recipient". A partition hands every batch it sends to the router, and the
/// router decides, message by message, which connector (carrier link) submits it: <c>TableRouter</c> does so by the
/// routing table, and the partition does not change when the routing does.
/// </summary>
/// <remarks>
/// The contract the partition relies on, whatever the routing:
/// <list type="bullet">
/// <item>one result per message of the batch, in the batch's order, whichever connector took it;</item>
/// <item>throw only when no message of the batch reached any connector (the partition then sends all of them again):
/// once one connector has accepted part of a batch, a connector that fails answers
/// <see cref="SubmitStatus.RetryLater"/> for its own messages instead, so nothing accepted is sent twice;</item>
/// <item>a message no connector can take is <see cref="SubmitStatus.Rejected"/> (final <c>blocked</c>, never charged).</item>
/// </list>
/// Batches are columns (<see cref="SubmitBatch"/>): split them by connector into columns too, never an object per message.
/// </remarks>
public interface IRecipientRouter
{
    /// <summary>Submits each message of <paramref name="batch"/> through the connector that takes it.</summary>
    ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken);
}
