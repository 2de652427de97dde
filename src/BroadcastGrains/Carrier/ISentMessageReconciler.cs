namespace BroadcastGrains.Carrier;

/// <summary>
/// Tells the carriers again which recipients sent the messages still awaiting a receipt: a partition resumed after its
/// silo died, or one whose messages outlived a short wait, hands them over so that a receipt arriving on any silo finds
/// its partition even when the registration made at submit time died with a silo. Carriers without a cluster-wide id
/// map (the simulator, HTTP carriers that call back with the partition's own id) have nothing to do.
/// </summary>
public interface ISentMessageReconciler
{
    /// <summary>False when no connector of this silo keeps such a map: partitions then skip the work entirely.</summary>
    bool IsNeeded { get; }

    /// <summary>Registers the messages again; idempotent. Throws when the map could not be reached (the partition retries).</summary>
    Task ReconcileAsync(SentMessages messages);
}
