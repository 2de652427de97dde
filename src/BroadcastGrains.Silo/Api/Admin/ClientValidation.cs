using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary>The checks of <c>POST /v1/admin/clients</c> (and of the fields a <c>PATCH</c> gives: <paramref name="patching"/>).</summary>
internal static class ClientValidation
{
    const decimal MaxCredits = 1_000_000_000m;

    public static Dictionary<string, string[]> Check(CreateClientRequest request, bool patching = false)
    {
        var errors = new Dictionary<string, string[]>();
        if ((!patching || request.Name is not null) && (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200))
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
        if (request.WebhookUrl is { } url && !IsWebhookUrl(url))
        {
            errors["webhookUrl"] = ["webhookUrl must be an absolute http(s) URL"];
        }
        if (request.WebhookEvents?.FirstOrDefault(t => !BroadcastGrains.Webhooks.WebhookEventTypes.IsKnown(t)) is { } unknown)
        {
            errors["webhookEvents"] = [$"'{unknown}' is not a webhook event type ({string.Join(", ", BroadcastGrains.Webhooks.WebhookEventTypes.All)})"];
        }
        if (request.CreditLimit is { } limit && !IsCredits(limit))
        {
            errors["creditLimit"] = ["creditLimit must be 0 or more, at most 1e9, with at most 4 decimals"];
        }
        if (request.LowBalanceAlert is { } alert && !IsCredits(alert))
        {
            errors["lowBalanceAlert"] = ["lowBalanceAlert must be 0 or more, at most 1e9, with at most 4 decimals"];
        }
        return errors;
    }

    /// <summary>What a webhook URL must be, whoever sets it (the operator, or the client on <c>PUT /v1/webhook</c>).</summary>
    public static bool IsWebhookUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    static bool IsCredits(decimal amount) => amount >= 0 && amount <= MaxCredits && decimal.Round(amount, 4) == amount;

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
        CreditLimit = request.CreditLimit ?? 0,
        LowBalanceAlert = request.LowBalanceAlert,
        CreatedAt = now,
    };
}
