namespace BroadcastGrains.Wallet;

/// <summary>
/// A wallet's persisted state, bounded: full ledger pages move to <see cref="ILedgerPageGrain"/>s, and a run's
/// account (<see cref="Runs"/>, with what de-duplicates its operations) lives only from its hold until it is closed.
/// </summary>
[GenerateSerializer, Alias("wallet-state")]
public sealed class WalletState
{
    [Id(0)] public decimal Balance { get; set; }
    [Id(1)] public decimal Held { get; set; }
    [Id(3)] public long NextSequence { get; set; }
    [Id(4)] public List<LedgerEntry> OpenPage { get; set; } = [];

    /// <summary>Top-ups by reference. Shared by <see cref="Copy"/>: only a top-up changes it, and it replaces it.</summary>
    [Id(5)] public Dictionary<string, decimal> TopUpReferences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The open runs, by <see cref="WalletOperation.HoldKey"/>.</summary>
    [Id(9)] public Dictionary<string, RunAccount> Runs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Available is below the client's <c>lowBalanceAlert</c> and the alert for it was raised.</summary>
    [Id(69)] public bool LowBalanceAlerted { get; set; }

    /// <summary>How many times available fell below the alert: names each crossing's event, so a retry raises it once.</summary>
    [Id(70)] public long LowBalanceCrossings { get; set; }

    /// <summary>A copy to change: the wallet stores it, and only then makes it its state.</summary>
    public WalletState Copy() => new()
    {
        Balance = Balance,
        Held = Held,
        NextSequence = NextSequence,
        OpenPage = [.. OpenPage],
        TopUpReferences = TopUpReferences,
        Runs = new Dictionary<string, RunAccount>(Runs, StringComparer.Ordinal),
        LowBalanceAlerted = LowBalanceAlerted,
        LowBalanceCrossings = LowBalanceCrossings,
    };
}
