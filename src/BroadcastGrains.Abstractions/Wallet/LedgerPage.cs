namespace BroadcastGrains.Wallet;

/// <summary>A page of ledger entries, newest first.</summary>
[GenerateSerializer, Immutable, Alias("ledger-page")]
public sealed record LedgerPage(
    [property: Id(0)] IReadOnlyList<LedgerEntry> Items,
    [property: Id(1)] bool HasMore);
