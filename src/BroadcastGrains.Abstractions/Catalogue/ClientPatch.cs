namespace BroadcastGrains.Catalogue;

/// <summary>
/// An operator's change to a client (API.md <c>PATCH /v1/admin/clients/{id}</c>): only the fields given (non-null here)
/// change; each is in effect at once on every silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("client-patch")]
public sealed record ClientPatch
{
#pragma warning disable CS1591 // the fields are API.md's client object, documented there.
    [Id(0)] public Change<string>? Name { get; init; }
    [Id(1)] public Change<ApprovalThresholds?>? ApprovalThresholds { get; init; }
    [Id(2)] public Change<RateLimit?>? RateLimit { get; init; }
    [Id(3)] public Change<long?>? DailyQuota { get; init; }
    [Id(4)] public Change<string?>? WebhookUrl { get; init; }
    [Id(5)] public Change<string?>? WebhookSecret { get; init; }
    [Id(6)] public Change<IReadOnlyList<string>?>? WebhookEvents { get; init; }
    [Id(7)] public Change<bool>? RefundFailed { get; init; }
    [Id(8)] public Change<decimal>? CreditLimit { get; init; }
    [Id(9)] public Change<decimal?>? LowBalanceAlert { get; init; }
#pragma warning restore CS1591

    /// <summary>The client's own webhook settings (<c>PUT /v1/webhook</c>): URL, secret and events, nothing else.</summary>
    public static ClientPatch Webhook(string? url, string? secret, IReadOnlyList<string>? events) => new()
    {
        WebhookUrl = new(url),
        WebhookSecret = new(secret),
        WebhookEvents = new(events),
    };
}
