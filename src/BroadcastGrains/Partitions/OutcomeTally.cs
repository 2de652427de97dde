namespace BroadcastGrains.Partitions;

/// <summary>
/// How many recipients one step of <see cref="SliceLedger"/> moved, by where they went: what the grain reports to
/// metrics, counted while the step runs over the columns rather than collected per recipient.
/// </summary>
internal struct OutcomeTally
{
    /// <summary>Receipts that named a recipient of the slice, whether or not they changed it.</summary>
    public int Known;
    public int Accepted;
    public int Blocked;
    public int Deferred;
    public int Delivered;
    public int Failed;
    public int Expired;
    public int TimedOut;
}
