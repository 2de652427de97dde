using System.Globalization;
using System.Text;

namespace BroadcastGrains.Bench.EndToEnd;

/// <summary>
/// Receipt batches of 1000 for real carrier message ids (<c>{partitionKey}:{index}</c>) of a completed broadcast: all
/// duplicates by then, which partitions must still parse, route and check, so it is a fair measure of ingest.
/// </summary>
internal static class ReceiptBodies
{
    public const int BatchSize = 1000;

    /// <param name="runPrefix">The partition key without its partition number: <c>{broadcastId}/{run}</c>.</param>
    public static List<byte[]> Build(string runPrefix, long recipients, int partitionSize, long count)
    {
        var batches = new List<byte[]>();
        var json = new StringBuilder();
        for (long start = 0; start < count; start += BatchSize)
        {
            json.Clear().Append('[');
            var end = Math.Min(count, start + BatchSize);
            for (var g = start; g < end; g++)
            {
                var position = g % recipients;
                json.Append(g == start ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"{{\"carrierMessageId\":\"{runPrefix}/{position / partitionSize}:{position % partitionSize}\",\"status\":\"delivered\"}}");
            }
            batches.Add(Encoding.UTF8.GetBytes(json.Append(']').ToString()));
        }
        return batches;
    }
}
