namespace BroadcastGrains.Partitions.Journal;

/// <summary>
/// One journal row: the current columns of every recipient that changed since the previous entry (not transitions, so
/// replaying an entry twice changes nothing), and the partition's money and position as they stand after it.
/// </summary>
/// <param name="Seq">1, 2, 3, … per partition; a snapshot records the last one it holds.</param>
/// <param name="Indexes">Positions in the slice that changed.</param>
/// <param name="Statuses">Their status bytes (<see cref="Broadcasts.RecipientStatus"/>).</param>
/// <param name="Errors">Their error bytes.</param>
/// <param name="UpdatedAt">Their change times, in seconds since the partition was created.</param>
/// <param name="CarrierIds">Carrier-assigned ids by position in <paramref name="Indexes"/>, null where the carrier gave none.</param>
/// <param name="Money">The partition's money after this entry.</param>
/// <param name="Cursor">Where the next batch starts looking for pending recipients.</param>
/// <param name="Version">The counts' version after this entry.</param>
/// <param name="Routes">Route codes by position in <paramref name="Indexes"/>, null where none was taken; null when none was.</param>
/// <param name="Connectors">The connectors that accepted them, in the same way.</param>
public sealed record JournalEntry(
    long Seq,
    int[] Indexes,
    byte[] Statuses,
    byte[] Errors,
    int[] UpdatedAt,
    string?[]? CarrierIds,
    PartitionMoney Money,
    int Cursor,
    long Version,
    string?[]? Routes = null,
    string?[]? Connectors = null);

/// <summary>
/// What a partition has captured and refunded, what it still owes, and the amounts frozen for a wallet call in flight
/// with the sequence numbers that make up their operation ids.
/// </summary>
public sealed record PartitionMoney(
    decimal Captured,
    decimal Uncaptured,
    decimal InflightCapture,
    long CaptureSequence,
    decimal Refunded,
    decimal Unrefunded,
    decimal InflightRefund,
    long RefundSequence);
