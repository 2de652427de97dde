namespace BroadcastGrains.Carrier;

/// <summary>
/// Where a carrier link hands messages that handsets send back (replies, STOP, START). The opt-out and reply handling
/// sits behind it; a link calls it once per message and acknowledges the message to the carrier only after it
/// completes, so a failure means the carrier delivers the message again.
/// </summary>
public interface IInboundMessageSink
{
    /// <summary>Takes one inbound message; completes when it has been handled.</summary>
    Task AcceptAsync(InboundMessage message, CancellationToken cancellationToken);
}
