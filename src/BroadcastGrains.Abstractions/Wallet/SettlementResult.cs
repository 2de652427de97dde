namespace BroadcastGrains.Wallet;

/// <summary>
/// Outcome of a capture or refund: the credits it actually moved — a capture never more than the run still holds, a
/// refund never more than the run was charged — and whether this was a repeat of one already applied (then
/// <see cref="Applied"/> is what the first attempt moved, and nothing moved now).
/// </summary>
[GenerateSerializer, Immutable, Alias("settlement-result")]
public sealed record SettlementResult(
    [property: Id(0)] decimal Applied,
    [property: Id(1)] bool Repeated,
    [property: Id(2)] WalletView Wallet);
