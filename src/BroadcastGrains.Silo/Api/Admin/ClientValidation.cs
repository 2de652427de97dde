using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary>The checks of <c>POST /v1/admin/clients</c>.</summary>
internal static class ClientValidation
{
    public static Dictionary<string, string[]> Check(CreateClientRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["name is required, at most 200 characters"];
        }
        if (request.ApprovalThresholds is { } t && (t.Recipients < 0 || t.Credits < 0))
        {
            errors["approvalThresholds"] = ["thresholds must not be negative"];
        }
        if (request.RateLimit is { } r && (r.Requests < 1 || r.PerSeconds < 1))
        {
            errors["rateLimit"] = ["requests and perSeconds must be at least 1"];
        }
        if (request.DailyQuota is < 1)
        {
            errors["dailyQuota"] = ["dailyQuota must be at least 1"];
        }
        if (request.WebhookUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors["webhookUrl"] = ["webhookUrl must be an absolute http(s) URL"];
        }
        if (request.WebhookEvents?.FirstOrDefault(t => !BroadcastGrains.Webhooks.WebhookEventTypes.IsKnown(t)) is { } unknown)
        {
            errors["webhookEvents"] = [$"'{unknown}' is not a webhook event type ({string.Join(", ", BroadcastGrains.Webhooks.WebhookEventTypes.All)})"];
        }
        return errors;
    }

    public static ClientProfile ToProfile(CreateClientRequest request, string id, DateTimeOffset now) => new()
    {
        Id = id,
        Name = request.Name!,
        AgencyId = request.AgencyId,
        ApprovalThresholds = request.ApprovalThresholds,
        RateLimit = request.RateLimit ?? RateLimit.Default,
        DailyQuota = request.DailyQuota,
        WebhookUrl = request.WebhookUrl,
        WebhookSecret = request.WebhookSecret,
        WebhookEvents = request.WebhookEvents,
        RefundFailed = request.RefundFailed ?? false,
        CreatedAt = now,
    };
}
