using BroadcastGrains.Wallet;

namespace BroadcastGrains.Wallet;

/// <summary>A full page of a wallet's ledger, written once by the wallet. Keyed <c>{clientId}/{pageNumber}</c>.</summary>
[Alias("ledger-page-grain")]
public interface ILedgerPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page's entries (idempotent: the wallet may write the same page again after a crash).</summary>
    [Alias("write")]
    Task WriteAsync(IReadOnlyList<LedgerEntry> entries);

    /// <summary>The page's entries, oldest first.</summary>
    [Alias("read")]
    Task<IReadOnlyList<LedgerEntry>> ReadAsync();
}
