namespace BroadcastGrains.Catalogue;

/// <summary>An API key as stored: its hash only, never the key.</summary>
[GenerateSerializer, Immutable, Alias("api-key-record")]
public sealed record ApiKeyRecord
{
#pragma warning disable CS1591 // the fields are API.md's key object, documented there.
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required ApiKeyOwner OwnerKind { get; init; }
    [Id(2)] public required string OwnerId { get; init; }
    [Id(3)] public string? Name { get; init; }
    [Id(4)] public required IReadOnlyList<string> Scopes { get; init; }
    [Id(5)] public IReadOnlyList<string> IpAllowlist { get; init; } = [];
    [Id(6)] public bool Approver { get; init; }
    [Id(7)] public required string Prefix { get; init; }
    [Id(8)] public required byte[] SecretHash { get; init; }
    [Id(9)] public DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public DateTimeOffset? LastUsedAt { get; init; }
    [Id(11)] public DateTimeOffset? RevokedAt { get; init; }
#pragma warning restore CS1591
}

/// <summary>Who a key acts for.</summary>
public enum ApiKeyOwner : byte
{
    /// <summary>One client.</summary>
    Client,
    /// <summary>An agency, naming one of its clients per request.</summary>
    Agency,
}
