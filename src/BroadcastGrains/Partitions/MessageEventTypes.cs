using BroadcastGrains.Broadcasts;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Which <c>message.*</c> webhook event a recipient's final status raises (API.md "Webhooks"): <c>message.delivered</c>
/// for a delivered one, <c>message.failed</c> for every other final status but <c>invalid</c>, <c>opted_out</c> and
/// <c>cancelled</c>, which the client chose or caused itself and learns from the create answer or its own cancel.
/// </summary>
public static class MessageEventTypes
{
    /// <summary>The event type for <paramref name="status"/>, or null when it raises none.</summary>
    public static string? For(RecipientStatus status) => status switch
    {
        RecipientStatus.Delivered => WebhookEventTypes.MessageDelivered,
        RecipientStatus.Failed or RecipientStatus.Expired or RecipientStatus.Timeout or RecipientStatus.Blocked
            => WebhookEventTypes.MessageFailed,
        _ => null,
    };
}
