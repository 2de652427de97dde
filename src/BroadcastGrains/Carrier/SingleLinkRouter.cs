namespace BroadcastGrains.Carrier;

/// <summary>
/// Today's routing: the silo's one carrier link (the simulator or an SMSC, <c>Broadcast:Carrier</c>) takes every
/// recipient, so a batch goes to it whole and its answers are the router's.
/// </summary>
public sealed class SingleLinkRouter(ICarrierLink link) : IRecipientRouter
{
    public ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken) =>
        link.SubmitAsync(batch, results, cancellationToken);
}
