namespace BroadcastGrains.Webhooks;

/// <summary>The webhook event types of API.md and which ones a client gets.</summary>
public static class WebhookEventTypes
{
#pragma warning disable CS1591 // the names are API.md's event types.
    public const string BroadcastScheduled = "broadcast.scheduled";
    public const string BroadcastSendStarted = "broadcast.send_started";
    public const string BroadcastSendCompleted = "broadcast.send_completed";
    public const string BroadcastCancelled = "broadcast.cancelled";
    public const string BroadcastFailed = "broadcast.failed";
    public const string MessageDelivered = "message.delivered";
    public const string MessageFailed = "message.failed";
    public const string MessageInbound = "message.inbound";
    public const string ContactOptedOut = "contact.opted_out";
    public const string WalletLowBalance = "wallet.low_balance";
    public const string MessageClicked = "message.clicked";
#pragma warning restore CS1591

    /// <summary>
    /// The event <c>POST /v1/webhooks/test</c> sends: to the client's URL whatever it subscribed to, and not one a client
    /// subscribes to (so not in <see cref="All"/>).
    /// </summary>
    public const string Ping = "ping";

    /// <summary>Every type.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BroadcastScheduled, BroadcastSendStarted, BroadcastSendCompleted, BroadcastCancelled, BroadcastFailed,
        MessageDelivered, MessageFailed, MessageInbound, MessageClicked, ContactOptedOut, WalletLowBalance,
    ];

    /// <summary>True for a type API.md names.</summary>
    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>
    /// Whether a client with <paramref name="subscribed"/> as its <c>webhookEvents</c> gets <paramref name="type"/>:
    /// the listed types, or by default every type but the <c>message.*</c> ones (millions per broadcast).
    /// </summary>
    public static bool IsSubscribed(IReadOnlyList<string>? subscribed, string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == Ping)
        {
            return true;
        }
        return subscribed is null
            ? !type.StartsWith("message.", StringComparison.Ordinal)
            : subscribed.Contains(type, StringComparer.Ordinal);
    }
}
