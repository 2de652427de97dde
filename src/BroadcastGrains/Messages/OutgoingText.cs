using BroadcastGrains.Pricing;

namespace BroadcastGrains.Messages;

/// <summary>
/// The text a recipient is actually sent, from their rendered message and the broadcast's options. The planner prices
/// it and the partition submits it through this one door, so what is billed is what goes out.
/// </summary>
public static class OutgoingText
{
    /// <summary><paramref name="rendered"/> with the message's options applied (smart encoding).</summary>
    public static string Of(string rendered, MessageSpec message) =>
        message.SmartEncoding ? GsmLookAlikes.Apply(rendered) : rendered;
}
