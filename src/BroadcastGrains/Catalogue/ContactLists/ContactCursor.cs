using System.Globalization;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>Where a page of a list's contacts goes on: <c>{shard}-{position}</c>, shards read in order.</summary>
internal static class ContactCursor
{
    public static string Format(int shard, int position) => string.Create(CultureInfo.InvariantCulture, $"{shard}-{position}");

    /// <summary>False for a cursor this list never gave; null is the start.</summary>
    public static bool TryParse(string? cursor, out int shard, out int position)
    {
        (shard, position) = (0, 0);
        if (cursor is null)
        {
            return true;
        }
        var dash = cursor.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && int.TryParse(cursor.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out shard)
            && int.TryParse(cursor.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out position)
            && shard < ContactShards.Count;
    }
}
