namespace BroadcastGrains.Catalogue;

/// <summary>What a <see cref="ClientPatch"/> does to a profile: the fields it gives, and nothing else.</summary>
internal static class ClientPatchRule
{
    public static ClientProfile Apply(ClientProfile profile, ClientPatch patch)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(patch);
        return profile with
        {
            Name = patch.Name is { } name ? name.Value : profile.Name,
            ApprovalThresholds = patch.ApprovalThresholds is { } thresholds ? thresholds.Value : profile.ApprovalThresholds,
            // No rate limit means the default one: a client always has a limit.
            RateLimit = patch.RateLimit is { } rate ? rate.Value ?? RateLimit.Default : profile.RateLimit,
            DailyQuota = patch.DailyQuota is { } quota ? quota.Value : profile.DailyQuota,
            WebhookUrl = patch.WebhookUrl is { } url ? url.Value : profile.WebhookUrl,
            WebhookSecret = patch.WebhookSecret is { } secret ? secret.Value : profile.WebhookSecret,
            WebhookEvents = patch.WebhookEvents is { } events ? events.Value : profile.WebhookEvents,
            RefundFailed = patch.RefundFailed is { } refund ? refund.Value : profile.RefundFailed,
            CreditLimit = patch.CreditLimit is { } credit ? credit.Value : profile.CreditLimit,
            LowBalanceAlert = patch.LowBalanceAlert is { } alert ? alert.Value : profile.LowBalanceAlert,
        };
    }

    /// <summary>Whether the rate limiter must learn of the change.</summary>
    public static bool ChangesRateLimit(ClientProfile before, ClientProfile after) => before.RateLimit != after.RateLimit;

    /// <summary>Whether the wallet must learn of the change (its credit terms).</summary>
    public static bool ChangesCreditTerms(ClientProfile before, ClientProfile after) =>
        before.CreditLimit != after.CreditLimit || before.LowBalanceAlert != after.LowBalanceAlert;

    /// <summary>Whether the webhook outbox must learn of the change (where events go, signed how, which ones).</summary>
    public static bool ChangesWebhook(ClientProfile before, ClientProfile after) =>
        before.WebhookUrl != after.WebhookUrl || before.WebhookSecret != after.WebhookSecret
        || !SameEvents(before.WebhookEvents, after.WebhookEvents);

    static bool SameEvents(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);
}
