namespace BroadcastGrains.Wallet;

/// <summary>
/// When <c>wallet.low_balance</c> is due (API.md): once each time available falls below the client's
/// <c>lowBalanceAlert</c>. The alert re-arms only once available is back at or above it; without a threshold nothing
/// changes, so a wallet that has not read its client's terms yet neither alerts nor re-arms.
/// </summary>
internal static class LowBalanceWatch
{
    /// <summary>Whether to alert now, and whether the wallet counts as alerted afterwards.</summary>
    public static (bool Alert, bool Alerted) Next(bool alerted, decimal available, decimal? threshold)
    {
        if (threshold is not { } below)
        {
            return (false, alerted);
        }
        if (available < below)
        {
            return (!alerted, true);
        }
        return (false, false);
    }
}
