using Orleans.Concurrency;

namespace BroadcastGrains.Webhooks;

/// <summary>Delivers a client's queued webhook events over HTTP. Keyed by client id; holds no state of its own.</summary>
[Alias("webhook-sender")]
internal interface IWebhookSenderGrain : IGrainWithStringKey
{
    /// <summary>Something is due: start delivering (one-way, so the outbox never waits on the endpoint).</summary>
    [Alias("wake"), OneWay]
    Task WakeAsync();
}
