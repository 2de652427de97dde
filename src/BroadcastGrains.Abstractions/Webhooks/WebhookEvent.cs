using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Webhooks;

/// <summary>
/// An event for a client's webhook: <c>{id, type, createdAt, data}</c>. Exactly one of the data members is set:
/// the broadcast object for <c>broadcast.*</c>, <see cref="Message"/> for <c>message.*</c>, <see cref="Contact"/> for
/// <c>contact.opted_out</c>. Ids are derived from what happened, so raising the same event twice delivers it once.
/// </summary>
[GenerateSerializer, Immutable, Alias("webhook-event")]
public sealed record WebhookEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] BroadcastView? Broadcast = null,
    [property: Id(4)] MessageEventData? Message = null,
    [property: Id(5)] ContactEventData? Contact = null,
    [property: Id(65)] Wallet.WalletView? Wallet = null);

/// <summary>The data of <c>message.*</c>: the recipient (E.164), its status and error, and the text of an inbound reply.</summary>
[GenerateSerializer, Immutable, Alias("message-event-data")]
public sealed record MessageEventData(
    [property: Id(0)] string? BroadcastId,
    [property: Id(1)] string To,
    [property: Id(2)] string Status,
    [property: Id(3)] string? Error,
    [property: Id(4)] string? Text = null,
    [property: Id(75)] string? Url = null);

/// <summary>The data of <c>contact.opted_out</c>: the number (E.164) and where the opt-out came from.</summary>
[GenerateSerializer, Immutable, Alias("contact-event-data")]
public sealed record ContactEventData(
    [property: Id(0)] string Phone,
    [property: Id(1)] string Source);
