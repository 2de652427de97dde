namespace BroadcastGrains.PhoneNumbers;

/// <summary>
/// The time zone database's zones of each country (<c>zone.tab</c>: country code, coordinates, IANA id), the fallback
/// for numbers libphonenumber has no area zone for. Only ids this machine can convert are kept.
/// </summary>
internal static class CountryZoneTable
{
    /// <summary>Reads <c>zone.tab</c> from <c>TZDIR</c> or <c>/usr/share/zoneinfo</c>; empty when the file is absent.</summary>
    public static IReadOnlyDictionary<string, string[]> Load()
    {
        var directory = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo";
        var path = Path.Combine(directory, "zone.tab");
        return File.Exists(path) ? Parse(File.ReadLines(path)) : new Dictionary<string, string[]>();
    }

    public static IReadOnlyDictionary<string, string[]> Parse(IEnumerable<string> lines)
    {
        var zones = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length < 3 || !TimeZoneInfo.TryFindSystemTimeZoneById(columns[2], out _))
            {
                continue;
            }
            if (!zones.TryGetValue(columns[0], out var list))
            {
                zones[columns[0]] = list = [];
            }
            list.Add(columns[2]);
        }
        return zones.ToDictionary(z => z.Key, z => z.Value.ToArray(), StringComparer.Ordinal);
    }
}
