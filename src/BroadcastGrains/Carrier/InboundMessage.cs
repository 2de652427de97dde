namespace BroadcastGrains.Carrier;

/// <summary>
/// A message a handset sent to one of our senders, as the <c>/v1/carrier/{carrier}/inbound</c> callback describes it.
/// </summary>
/// <param name="From">The handset's number as E.164 digits (the number without its <c>+</c>), as recipients are kept.</param>
/// <param name="To">The sender it was sent to: an alphanumeric sender name or an E.164 number with its <c>+</c>.</param>
/// <param name="Text">The message text, decoded.</param>
/// <param name="At">When the link received it.</param>
public sealed record InboundMessage(long From, string To, string Text, DateTimeOffset At);
