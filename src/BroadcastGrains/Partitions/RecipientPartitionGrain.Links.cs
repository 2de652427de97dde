using BroadcastGrains.Links;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Tracked links (API.md "Links"): the partition's recipients are numbered across the broadcast in their codes, and
/// their clicks live beside the partition in <see cref="IPartitionClicksGrain"/> (sparse, and shared by every run).
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    public Task<long[]> GetNumbersAsync(int[] indexes)
    {
        var numbers = new long[indexes.Length];
        if (State.Slice is { } slice)
        {
            for (var k = 0; k < indexes.Length; k++)
            {
                numbers[k] = (uint)indexes[k] < (uint)slice.Numbers.Length ? slice.Numbers[indexes[k]] : 0;
            }
        }
        return Task.FromResult(numbers);
    }

    /// <summary>Recipient <paramref name="index"/> of this partition as the broadcast's codes number it.</summary>
    int BroadcastIndexOf(int index) =>
        Slice.Message.Links is { } links ? (PartitionKeys.Parse(Key).Partition * links.PartitionSize) + index : index;

    /// <summary>The clicks of a page of recipients starting at local index <paramref name="from"/>; null without per-recipient links.</summary>
    async Task<int[]?> ClicksOfAsync(int from, int count)
    {
        if (Slice.Message.Links is not { PerRecipient: true } || count == 0)
        {
            return null;
        }
        var (broadcastId, _, partition) = PartitionKeys.Parse(Key);
        return await GrainFactory.GetGrain<IPartitionClicksGrain>(PartitionClicksKeys.Format(broadcastId, partition))
            .GetCountsAsync(from, count);
    }
}
