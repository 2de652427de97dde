namespace BroadcastGrains.Carrier.Smpp.Directory;

/// <summary>
/// Picks a directory shard from a key with FNV-1a over its UTF-16 code units: stable across processes and versions
/// (string.GetHashCode is randomized per process, which would send the same id to different shards on different silos).
/// </summary>
internal static class DirectoryShards
{
    /// <summary>Shards of the directory. Changing it strands entries registered under the old count: keep it fixed.</summary>
    public const int Count = 64;

    public static int Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % Count);
    }

    /// <summary>Positions of <paramref name="keys"/> grouped by shard.</summary>
    public static Dictionary<int, List<int>> Group(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < keys.Count; i++)
        {
            var shard = Of(keys[i]);
            if (!groups.TryGetValue(shard, out var positions))
            {
                groups[shard] = positions = [];
            }
            positions.Add(i);
        }
        return groups;
    }
}
