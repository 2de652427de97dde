using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>Cuts normalised recipients into contiguous slices, one per partition grain.</summary>
internal static class PartitionSlicer
{
    public static int PartitionCount(int recipients, int partitionSize) => Math.Max(1, (recipients + partitionSize - 1) / partitionSize);

    public static PartitionSlice[] Slice(NormalizedRecipients recipients, int partitionSize, string clientId, string broadcastId,
        MessageSpec message, PriceTable prices, bool refundFailed)
    {
        var partitions = PartitionCount(recipients.Count, partitionSize);
        var slices = new PartitionSlice[partitions];
        var invalidAt = 0;
        for (var p = 0; p < partitions; p++)
        {
            var start = p * partitionSize;
            var end = Math.Min(start + partitionSize, recipients.Count);
            var numbers = recipients.Numbers.AsSpan(start, end - start).ToArray();

            var invalidIndexes = new List<int>();
            var invalidTexts = new List<string>();
            for (; invalidAt < recipients.InvalidIndexes.Length && recipients.InvalidIndexes[invalidAt] < end; invalidAt++)
            {
                invalidIndexes.Add(recipients.InvalidIndexes[invalidAt] - start);
                invalidTexts.Add(recipients.InvalidTexts[invalidAt]);
            }
            slices[p] = new PartitionSlice(clientId, broadcastId, message, prices, refundFailed, numbers,
                [.. invalidIndexes], [.. invalidTexts], VariableTableCuts.Slice(recipients.Variables, start, end));
        }
        return slices;
    }
}
