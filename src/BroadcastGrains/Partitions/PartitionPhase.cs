namespace BroadcastGrains.Partitions;

/// <summary>Where a partition is in its life.</summary>
public enum PartitionPhase : byte
{
    /// <summary>Nothing stored.</summary>
    Empty,
    /// <summary>Validated and priced; waits to be started.</summary>
    Prepared,
    /// <summary>Submitting, or waiting for receipts.</summary>
    Sending,
    /// <summary>Submitting stopped; receipts still apply.</summary>
    Paused,
    /// <summary>Unsent recipients cancelled; receipts of sent ones still apply.</summary>
    Cancelled,
    /// <summary>Every recipient final, every capture and refund made.</summary>
    Done,
}
