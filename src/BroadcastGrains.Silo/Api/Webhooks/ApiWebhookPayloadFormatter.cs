using System.Text.Json;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Webhooks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Api.Webhooks;

/// <summary>Webhook bodies in the API's own JSON: <c>data</c> of <c>broadcast.*</c> is the broadcast object as <c>GET</c> shows it.</summary>
internal sealed class ApiWebhookPayloadFormatter(IOptions<JsonOptions> json) : IWebhookPayloadFormatter
{
    internal sealed record Body(string Id, string Type, DateTimeOffset CreatedAt, object? Data);

    public string Format(WebhookEvent webhookEvent)
    {
        object? data = webhookEvent.Broadcast is { } broadcast
            ? BroadcastJson.Of(broadcast)
            : (object?)webhookEvent.Message ?? (object?)webhookEvent.Contact ?? webhookEvent.Wallet;
        return JsonSerializer.Serialize(new Body(webhookEvent.Id, webhookEvent.Type, webhookEvent.CreatedAt, data), json.Value.SerializerOptions);
    }
}
