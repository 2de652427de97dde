using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary>
/// A client as the operator's endpoints answer it: the profile without its webhook secret, which is write-only
/// (API.md) — an answer shows only whether one is set, so a leaked log or screen of admin answers leaks no signing key.
/// </summary>
internal sealed record ClientView(
    string Id,
    string Name,
    string? AgencyId,
    ApprovalThresholds? ApprovalThresholds,
    RateLimit RateLimit,
    long? DailyQuota,
    string? WebhookUrl,
    bool HasWebhookSecret,
    IReadOnlyList<string>? WebhookEvents,
    bool RefundFailed,
    DateTimeOffset CreatedAt,
    decimal CreditLimit,
    decimal? LowBalanceAlert)
{
    public static ClientView Of(ClientProfile profile) => new(
        profile.Id, profile.Name, profile.AgencyId, profile.ApprovalThresholds, profile.RateLimit, profile.DailyQuota,
        profile.WebhookUrl, !string.IsNullOrEmpty(profile.WebhookSecret), profile.WebhookEvents, profile.RefundFailed,
        profile.CreatedAt, profile.CreditLimit, profile.LowBalanceAlert);
}
