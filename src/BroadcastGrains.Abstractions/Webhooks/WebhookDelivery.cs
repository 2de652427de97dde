namespace BroadcastGrains.Webhooks;

/// <summary>Where a webhook delivery is.</summary>
public enum WebhookDeliveryStatus : byte
{
    /// <summary>Not yet accepted by the endpoint; another attempt is due at <c>nextAttemptAt</c>.</summary>
    Pending,
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,
    /// <summary>Given up after 24 h of retries (or the target is not allowed).</summary>
    Failed,
}

/// <summary>One event's delivery to the client's webhook, as <c>GET /v1/webhooks/deliveries</c> lists it.</summary>
[GenerateSerializer, Immutable, Alias("webhook-delivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string Id,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Type,
    [property: Id(3)] string Url,
    [property: Id(4)] int Attempt,
    [property: Id(5)] WebhookDeliveryStatus Status,
    [property: Id(6)] int? ResponseStatus,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] DateTimeOffset? NextAttemptAt);

/// <summary>Deliveries newest first; <see cref="NextCursor"/> continues the list.</summary>
[GenerateSerializer, Immutable, Alias("webhook-delivery-page")]
public sealed record WebhookDeliveryPage(
    [property: Id(0)] IReadOnlyList<WebhookDelivery> Items,
    [property: Id(1)] string? NextCursor);
