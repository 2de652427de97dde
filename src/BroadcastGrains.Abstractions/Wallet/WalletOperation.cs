namespace BroadcastGrains.Wallet;

/// <summary>A credit movement for a broadcast. <paramref name="OperationId"/> makes it idempotent.</summary>
[GenerateSerializer, Immutable, Alias("wallet-op")]
public sealed record WalletOperation(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string BroadcastId,
    [property: Id(2)] decimal Amount);
