namespace BroadcastGrains.Catalogue;

/// <summary>A tenant client and its policies (API.md <c>POST /v1/admin/clients</c>).</summary>
[GenerateSerializer, Immutable, Alias("client-profile")]
public sealed record ClientProfile
{
#pragma warning disable CS1591 // the fields are API.md's client object, documented there.
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? AgencyId { get; init; }
    [Id(3)] public ApprovalThresholds? ApprovalThresholds { get; init; }
    [Id(4)] public RateLimit RateLimit { get; init; } = RateLimit.Default;
    [Id(5)] public long? DailyQuota { get; init; }
    [Id(6)] public string? WebhookUrl { get; init; }
    [Id(7)] public string? WebhookSecret { get; init; }
    [Id(8)] public IReadOnlyList<string>? WebhookEvents { get; init; }
    [Id(9)] public bool RefundFailed { get; init; }
    [Id(10)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How far below zero a postpaid client's balance may go: <c>available = balance + creditLimit − held</c>.</summary>
    [Id(70)] public decimal CreditLimit { get; init; }

    /// <summary><c>wallet.low_balance</c> is raised when available falls below this, once per crossing; null: never.</summary>
    [Id(71)] public decimal? LowBalanceAlert { get; init; }
#pragma warning restore CS1591
}

/// <summary>A broadcast strictly above either threshold needs approval.</summary>
[GenerateSerializer, Immutable, Alias("approval-thresholds")]
public sealed record ApprovalThresholds(
    [property: Id(0)] long? Recipients,
    [property: Id(1)] decimal? Credits);

/// <summary>At most <see cref="Requests"/> API requests per <see cref="PerSeconds"/> seconds.</summary>
[GenerateSerializer, Immutable, Alias("rate-limit")]
public sealed record RateLimit(
    [property: Id(0)] int Requests,
    [property: Id(1)] int PerSeconds)
{
    /// <summary>API.md's default: 1000 requests per 60 s.</summary>
    public static RateLimit Default { get; } = new(1000, 60);
}
