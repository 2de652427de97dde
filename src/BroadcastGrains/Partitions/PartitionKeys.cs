using System.Globalization;

namespace BroadcastGrains.Partitions;

/// <summary>Partition grain keys: <c>{broadcastId}/{run}/{partition}</c>.</summary>
public static class PartitionKeys
{
    /// <summary>The key of partition <paramref name="partition"/> of run <paramref name="run"/>.</summary>
    public static string Format(string broadcastId, int run, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{broadcastId}/{run}/{partition}");

    /// <summary>Splits a partition key.</summary>
    public static (string BroadcastId, int Run, int Partition) Parse(string key)
    {
        var last = key.LastIndexOf('/');
        var middle = key.LastIndexOf('/', last - 1);
        return (key[..middle],
            int.Parse(key.AsSpan(middle + 1, last - middle - 1), CultureInfo.InvariantCulture),
            int.Parse(key.AsSpan(last + 1), CultureInfo.InvariantCulture));
    }
}
