using System.Globalization;

namespace BroadcastGrains.Links;

/// <summary>Keys of <see cref="IPartitionClicksGrain"/>: <c>{broadcastId}/{partition}</c>.</summary>
public static class PartitionClicksKeys
{
    public static string Format(string broadcastId, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{broadcastId}/{partition}");
}
