using System.Globalization;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>
/// How a list is cut: a fixed number of shards, a number's shard from a multiplicative hash of it (the last digits of
/// phone numbers are near uniform, but a hash keeps runs of similar numbers from piling into one shard).
/// </summary>
internal static class ContactShards
{
    /// <summary>2,000,000 contacts make ~62,500 a shard: a state of about half a megabyte.</summary>
    public const int Count = 32;

    public static int Of(long number) => (int)(((ulong)number * 0x9E3779B97F4A7C15UL) >> 59);

    public static string Key(string listId, int shard) => string.Create(CultureInfo.InvariantCulture, $"{listId}/{shard}");
}
