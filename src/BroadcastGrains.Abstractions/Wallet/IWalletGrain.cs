namespace BroadcastGrains.Wallet;

/// <summary>
/// One client's prepaid credits. The only writer of the client's balance: every operation is serialized
/// here, carries an operation id (or top-up reference) and is idempotent, so a retried call never moves money twice.
/// Keyed by client id.
/// </summary>
[Alias("wallet")]
public interface IWalletGrain : IGrainWithStringKey
{
    /// <summary>The balances; <c>Balance = Available + Held</c> at every moment.</summary>
    [Alias("get")]
    Task<WalletView> GetAsync();

    /// <summary>Adds credits. Idempotent by <paramref name="reference"/>; the same reference with another amount is refused.</summary>
    [Alias("topup")]
    Task<TopUpResult> TopUpAsync(string reference, decimal amount);

    /// <summary>Moves credits from available to held for a broadcast, or answers how much is available.</summary>
    [Alias("hold")]
    Task<HoldResult> HoldAsync(WalletOperation operation);

    /// <summary>Spends held credits of a broadcast (the carrier accepted messages). Never more than the broadcast still holds.</summary>
    [Alias("capture")]
    Task<WalletView> CaptureAsync(WalletOperation operation);

    /// <summary>Gives captured credits back to the balance (failed messages of a client with <c>refundFailed</c>).</summary>
    [Alias("refund")]
    Task<WalletView> RefundAsync(WalletOperation operation);

    /// <summary>Releases what a run of a broadcast still holds (all of it) back to available; answers the amount released.</summary>
    [Alias("release-remainder")]
    Task<decimal> ReleaseRemainderAsync(string operationId, string broadcastId, int run = 1);

    /// <summary>Ledger entries, newest first, strictly older than <paramref name="beforeSequence"/> when given.</summary>
    [Alias("ledger")]
    Task<LedgerPage> GetLedgerAsync(long? beforeSequence, int limit);
}
