namespace BroadcastGrains.Wallet;

/// <summary>Outcome of a hold: held, or refused for want of credits (nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("hold-result")]
public sealed record HoldResult(
    [property: Id(0)] bool Held,
    [property: Id(1)] decimal Available,
    [property: Id(2)] decimal Requested);
