namespace BroadcastGrains.Wallet;

/// <summary>
/// A client's balances; <c>Balance + CreditLimit = Available + Held</c> (a prepaid client's credit limit is 0, so then
/// <c>Balance = Available + Held</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("wallet-view")]
public sealed record WalletView(
    [property: Id(0)] decimal Balance,
    [property: Id(1)] decimal Held,
    [property: Id(2)] string Currency,
    [property: Id(63)] decimal CreditLimit = 0)
{
    /// <summary>Credits that can still be held: a postpaid client may go <see cref="CreditLimit"/> below zero.</summary>
    public decimal Available => Balance + CreditLimit - Held;
}
