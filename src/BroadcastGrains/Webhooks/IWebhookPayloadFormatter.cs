namespace BroadcastGrains.Webhooks;

/// <summary>
/// Writes an event as the JSON body a client's endpoint receives: <c>{id, type, createdAt, data}</c>. The silo's HTTP
/// API replaces the default so that <c>data</c> of <c>broadcast.*</c> is the broadcast object exactly as the API shows it.
/// </summary>
public interface IWebhookPayloadFormatter
{
    string Format(WebhookEvent webhookEvent);
}
