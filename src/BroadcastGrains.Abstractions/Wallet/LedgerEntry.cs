namespace BroadcastGrains.Wallet;

/// <summary>
/// One ledger line. <see cref="Amount"/> is its effect on the balance, <see cref="HeldDelta"/> its effect on held,
/// so the amounts of all entries sum to the balance and the held deltas to held.
/// </summary>
[GenerateSerializer, Immutable, Alias("ledger-entry")]
public sealed record LedgerEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] LedgerKind Kind,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal HeldDelta,
    [property: Id(4)] string? BroadcastId,
    [property: Id(5)] string? Reference,
    [property: Id(6)] DateTimeOffset At);

/// <summary>What a ledger entry did.</summary>
public enum LedgerKind : byte
{
    /// <summary>Credits added by the operator.</summary>
    TopUp,
    /// <summary>Credits reserved for a broadcast.</summary>
    Hold,
    /// <summary>Held credits spent on accepted messages.</summary>
    Capture,
    /// <summary>Held credits returned to available.</summary>
    Release,
    /// <summary>Spent credits given back (failed messages).</summary>
    Refund,
}
