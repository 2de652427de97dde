namespace BroadcastGrains.Wallet;

/// <summary>A client's balances; <c>Balance = Available + Held</c>.</summary>
[GenerateSerializer, Immutable, Alias("wallet-view")]
public sealed record WalletView(
    [property: Id(0)] decimal Balance,
    [property: Id(1)] decimal Held,
    [property: Id(2)] string Currency)
{
    /// <summary>Credits that can still be held.</summary>
    public decimal Available => Balance - Held;
}
