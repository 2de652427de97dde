using System.Globalization;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The cursor of a recipients page, <c>{partition}-{index}</c>: where the next page starts. A cursor that does not
/// parse starts at the beginning, as no cursor does.
/// </summary>
internal static class RecipientCursor
{
    public static string Format(int partition, int from) => string.Create(CultureInfo.InvariantCulture, $"{partition}-{from}");

    public static (int Partition, int From) Parse(string? cursor)
    {
        var dash = cursor?.IndexOf('-') ?? -1;
        if (dash > 0
            && int.TryParse(cursor.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            && int.TryParse(cursor.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            return (partition, from);
        }
        return (0, 0);
    }
}
