using Orleans.Concurrency;

namespace BroadcastGrains.Webhooks;

/// <summary>
/// A client's webhook outbox: events wait here (persisted) until the client's endpoint accepts them, retried with
/// exponential backoff for 24 h. Delivery happens off the caller's path: enqueueing never waits on the endpoint.
/// Keyed by client id.
/// </summary>
[Alias("webhook-outbox")]
public interface IWebhookOutboxGrain : IGrainWithStringKey
{
    /// <summary>Queues the events the client subscribed to (others are dropped); events already queued are ignored.</summary>
    [Alias("enqueue")]
    Task EnqueueAsync(IReadOnlyList<WebhookEvent> events);

    /// <summary>
    /// Sends delivery <paramref name="deliveryId"/> again, now (its body unchanged: the same event id, so a receiver
    /// de-duplicating by id sees it once); false when the outbox has no such delivery.
    /// </summary>
    [Alias("redeliver")]
    Task<bool> RedeliverAsync(string deliveryId);

    /// <summary>Deliveries newest first, after <paramref name="cursor"/> when given.</summary>
    [Alias("deliveries"), ReadOnly]
    Task<WebhookDeliveryPage> ListDeliveriesAsync(string? cursor, int limit);
}
