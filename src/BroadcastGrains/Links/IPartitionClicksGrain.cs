namespace BroadcastGrains.Links;

/// <summary>
/// The clicks of one partition's recipients, keyed <c>{broadcastId}/{partition}</c> (every run of a recurring broadcast
/// shares its links, so its clicks too). Sparse: only recipients who clicked take room.
/// </summary>
[Alias("partition-clicks-grain")]
public interface IPartitionClicksGrain : IGrainWithStringKey
{
    /// <summary>Counts a batch of clicks: click <c>k</c> was on link <paramref name="ordinals"/>[k] by local recipient <paramref name="indexes"/>[k].</summary>
    [Alias("record")]
    Task RecordAsync(LinkBlock block, int[] indexes, byte[] ordinals);

    /// <summary>Clicks of local recipients <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> − 1.</summary>
    [Alias("counts"), Orleans.Concurrency.ReadOnly]
    Task<int[]> GetCountsAsync(int from, int count);
}
