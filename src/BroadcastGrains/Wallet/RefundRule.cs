using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Wallet;

/// <summary>
/// The refund rule, whole. A recipient is charged its price (per segment; one price for MMS) when the carrier accepts
/// its message. It is given that charge back when, after it was charged, its message ends undelivered: the carrier
/// reported it failed or expired, the validity passed without a receipt, or no receipt came within the receipt window
/// — and only for a client with <c>refundFailed</c>. Whatever never reached the carrier (invalid, blocked, opted out,
/// cancelled, expired before it was sent) was never charged, so it is never refunded.
/// </summary>
/// <remarks>
/// The path of a refund: the partition's <c>SliceLedger</c> adds <see cref="Owed"/> to what the slice owes back as each
/// recipient ends; once a pump tick the partition freezes that sum and sends it as one refund (<c>SliceMoney</c>),
/// always after its capture, because a refund is only ever for something already captured; the wallet applies it once
/// per (source, sequence) in <see cref="WalletBook.Refund"/>, capped by <see cref="Applicable"/>.
/// </remarks>
internal static class RefundRule
{
    /// <summary>True when a charged recipient that ended with <paramref name="outcome"/> is owed its charge back.</summary>
    public static bool Refunds(RecipientStatus outcome, bool refundFailed) =>
        refundFailed && outcome is RecipientStatus.Failed or RecipientStatus.Expired or RecipientStatus.Timeout;

    /// <summary>What a recipient charged <paramref name="charged"/> is owed back when it ends with <paramref name="outcome"/>.</summary>
    public static decimal Owed(decimal charged, RecipientStatus outcome, bool refundFailed) =>
        Refunds(outcome, refundFailed) ? charged : 0;

    /// <summary>
    /// What the wallet gives back of a refund asking <paramref name="asked"/>: never more than the run was charged, so
    /// a message whose capture found the run's hold spent (and paid nothing) is not refunded either.
    /// </summary>
    public static decimal Applicable(decimal asked, RunAccount run) => Math.Min(asked, run.Refundable);
}
