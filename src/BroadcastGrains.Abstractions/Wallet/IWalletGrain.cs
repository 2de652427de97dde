namespace BroadcastGrains.Wallet;

/// <summary>
/// One client's prepaid credits. The only writer of the client's balance: every operation is serialized here and is
/// idempotent (see <see cref="WalletOperation"/>), so a retried call never moves money twice, and an operation answers
/// only once it is stored: a call that fails moved nothing, and its retry applies it once. Keyed by client id.
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

    /// <summary>Moves credits from available to held for a run of a broadcast (once per run), or answers how much is available.</summary>
    [Alias("hold")]
    Task<HoldResult> HoldAsync(WalletOperation operation);

    /// <summary>Spends held credits of a run (the carrier accepted messages); answers what it spent, never more than the run still holds.</summary>
    [Alias("capture")]
    Task<SettlementResult> CaptureAsync(WalletOperation operation);

    /// <summary>Gives captured credits back (failed messages of a client with <c>refundFailed</c>); answers what it gave, never more than the run was charged.</summary>
    [Alias("refund")]
    Task<SettlementResult> RefundAsync(WalletOperation operation);

    /// <summary>Releases what a run of a broadcast still holds (all of it) back to available; answers the amount released.</summary>
    [Alias("release-remainder")]
    Task<decimal> ReleaseRemainderAsync(string operationId, string broadcastId, int run = 1);

    /// <summary>
    /// Forgets a run once nothing more can come for it (its release is stored and every one of its partitions is
    /// done): the wallet's state stays bounded. Anything still held is released first. Idempotent.
    /// </summary>
    [Alias("close-run")]
    Task CloseRunAsync(string broadcastId, int run);

    /// <summary>Ledger entries, newest first, strictly older than <paramref name="beforeSequence"/> when given.</summary>
    [Alias("ledger")]
    Task<LedgerPage> GetLedgerAsync(long? beforeSequence, int limit);
}
