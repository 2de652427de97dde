using System.Text.Json;
using System.Text.Json.Serialization;

namespace BroadcastGrains.Webhooks;

/// <summary>The body for hosts without the HTTP API: every member in camelCase, enums in snake_case.</summary>
internal sealed class DefaultWebhookPayloadFormatter : IWebhookPayloadFormatter
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string Format(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        object? data = (object?)webhookEvent.Broadcast ?? (object?)webhookEvent.Message ?? (object?)webhookEvent.Contact ?? webhookEvent.Wallet;
        return JsonSerializer.Serialize(new { id = webhookEvent.Id, type = webhookEvent.Type, createdAt = webhookEvent.CreatedAt, data }, Json);
    }
}
