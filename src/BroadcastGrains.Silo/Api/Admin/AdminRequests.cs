using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Silo.Api.Admin;

internal sealed record CreateClientRequest(
    string? Name, string? AgencyId, ApprovalThresholds? ApprovalThresholds, RateLimit? RateLimit, long? DailyQuota,
    string? WebhookUrl, string? WebhookSecret, IReadOnlyList<string>? WebhookEvents, bool? RefundFailed,
    decimal? CreditLimit = null, decimal? LowBalanceAlert = null);

internal sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, IReadOnlyList<string>? IpAllowlist, bool? Approver);

internal sealed record CreditsRequest(decimal? Amount, string? Reference);

internal sealed record CreatedApiKey(string Id, string Key, IReadOnlyList<string> Scopes);

internal sealed record ApiKeySummary(string Id, string? Name, IReadOnlyList<string> Scopes, string Prefix,
    IReadOnlyList<string> IpAllowlist, bool Approver, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeySummary From(ApiKeyRecord r) =>
        new(r.Id, r.Name, r.Scopes, r.Prefix, r.IpAllowlist, r.Approver, r.CreatedAt, r.LastUsedAt, r.RevokedAt);
}
