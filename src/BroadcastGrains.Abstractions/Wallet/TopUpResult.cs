namespace BroadcastGrains.Wallet;

/// <summary>Outcome of a top-up: applied (or already applied with the same amount), or a reference reused with another amount.</summary>
[GenerateSerializer, Immutable, Alias("topup-result")]
public sealed record TopUpResult(
    [property: Id(0)] bool ReferenceReused,
    [property: Id(1)] WalletView Wallet);
