using BroadcastGrains.Links;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Messages;

/// <summary>
/// The text a recipient is actually sent, from their rendered message and the broadcast's options. The planner prices
/// it and the partition submits it through this one door, so what is billed is what goes out.
/// </summary>
public static class OutgoingText
{
    /// <summary>
    /// <paramref name="rendered"/> with the message's options applied: tracked links replaced by the short links of
    /// recipient <paramref name="broadcastIndex"/>, then smart encoding.
    /// </summary>
    public static string Of(string rendered, MessageSpec message, int broadcastIndex)
    {
        var text = message.Links is { } links ? LinkRewriter.Rewrite(rendered, links, broadcastIndex) : rendered;
        return message.SmartEncoding ? GsmLookAlikes.Apply(text) : text;
    }
}
