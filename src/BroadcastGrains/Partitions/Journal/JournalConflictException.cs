namespace BroadcastGrains.Partitions.Journal;

/// <summary>
/// Another activation of the partition already wrote the journal row under this sequence number: this activation's
/// view is stale, and whatever the refused row would have allowed (submitting a batch, settling money) must not happen.
/// </summary>
public sealed class JournalConflictException(string partitionKey, long seq)
    : Exception($"Partition {partitionKey}: journal row {seq} was written by another activation.")
{
    public string PartitionKey { get; } = partitionKey;

    public long Seq { get; } = seq;
}
