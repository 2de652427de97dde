using System.Collections.Concurrent;
using System.Globalization;

namespace BroadcastGrains.Broadcasts;

/// <summary>English country names for ISO 3166 alpha-2 codes, from the platform's region data.</summary>
internal static class CountryNames
{
    static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    /// <summary>The name of <paramref name="code"/>, or the code itself where the platform knows no such region.</summary>
    public static string Of(string code) => Names.GetOrAdd(code, static c =>
    {
        try
        {
            return new RegionInfo(c).EnglishName;
        }
        catch (ArgumentException)
        {
            return c;
        }
    });
}
