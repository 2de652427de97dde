namespace BroadcastGrains.Partitions;

/// <summary>The two ways money moves between a slice and the wallet; a refund always follows its capture.</summary>
internal enum MoneyFlow
{
    /// <summary>What accepted messages cost, taken from the run's hold.</summary>
    Capture,

    /// <summary>What charged messages that ended undelivered are owed back (<see cref="Wallet.RefundRule"/>).</summary>
    Refund,
}
