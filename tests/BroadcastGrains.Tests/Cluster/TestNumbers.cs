using System.Globalization;
using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// Valid phone numbers for tests. The simulator fixes the fate of numbers ending in 0001 (failed), 0002 (blocked at
/// submit) and 0003 (expired); <see cref="Us"/> never ends so, so its numbers follow the configured mix.
/// </summary>
internal static class TestNumbers
{
    /// <summary>A country no other test prices: tests that need a country without a route use it.</summary>
    public const string UnroutableCountry = "NZ";

    /// <summary>New York numbers (+1 212 234…), the last four digits 1000 to 9999; 9,000 per exchange.</summary>
    public static string Us(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"+1212{234 + (i / 9000)}{1000 + (i % 9000)}");

    /// <summary>A New York number ending in <paramref name="suffix"/> (e.g. 1 for 0001), one per <paramref name="k"/>.</summary>
    public static string UsEndingIn(int suffix, int k) =>
        string.Create(CultureInfo.InvariantCulture, $"+1212{300 + k}{suffix:D4}");

    /// <summary>New Zealand mobiles (+64 21…), of <see cref="UnroutableCountry"/>.</summary>
    public static string Nz(int i) => string.Create(CultureInfo.InvariantCulture, $"+6421{1_000_000 + i}");

    /// <summary>Takes <see cref="UnroutableCountry"/>'s route away (the price table is cluster-wide; this is idempotent).</summary>
    public static Task RemoveRouteAsync(IGrainFactory grains) =>
        grains.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key)
            .UpdateAsync(new PriceTableUpdate(null, null, new Dictionary<string, decimal?> { [UnroutableCountry] = null }));

    public static async Task<decimal> PricePerSegmentAsync(IGrainFactory grains, string country) =>
        (await grains.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync()).PerSegment(country)
        ?? throw new InvalidOperationException($"{country} has no route");
}
