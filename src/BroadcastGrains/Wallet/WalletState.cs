using BroadcastGrains.Wallet;

namespace BroadcastGrains.Wallet;

/// <summary>
/// A wallet's persisted state. Bounded: full ledger pages move to <see cref="ILedgerPageGrain"/>s, and only the most
/// recent operation ids are remembered (retries come within seconds; <see cref="HeldByBroadcast"/> caps what any retry
/// beyond that window could capture or release anyway).
/// </summary>
[GenerateSerializer, Alias("wallet-state")]
public sealed class WalletState
{
    [Id(0)] public decimal Balance { get; set; }
    [Id(1)] public decimal Held { get; set; }
    /// <summary>Held credits by <see cref="WalletOperation.HoldKey"/> (broadcast and run).</summary>
    [Id(2)] public Dictionary<string, decimal> HeldByBroadcast { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public long NextSequence { get; set; }
    [Id(4)] public List<LedgerEntry> OpenPage { get; set; } = [];
    [Id(5)] public Dictionary<string, decimal> TopUpReferences { get; set; } = new(StringComparer.Ordinal);
    [Id(6)] public Dictionary<string, decimal> RecentOperations { get; set; } = new(StringComparer.Ordinal);
    [Id(7)] public Queue<string> RecentOperationOrder { get; set; } = new();

    /// <summary>Captured minus refunded over the wallet's life: a refund can never give back more than was spent.</summary>
    [Id(8)] public decimal Refundable { get; set; }
}
