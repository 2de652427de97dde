using System.Diagnostics;
using BroadcastGrains.Routing;
using Xunit.Abstractions;
using static BroadcastGrains.Tests.Routing.RoutesFor;

namespace BroadcastGrains.Tests.Routing;

/// <summary>
/// A table of a few hundred prefix routes matched for 2,000,000 recipients: no allocation per recipient, and the
/// answers agree with a plain first-match scan of the table.
/// </summary>
public class RouteMatchingScaleTests(ITestOutputHelper output)
{
    const int Recipients = 2_000_000;

    [Fact]
    public void Matching_two_million_recipients_against_three_hundred_prefix_routes_allocates_nothing_and_agrees_with_a_scan()
    {
        var random = new Random(15);
        var definitions = Enumerable.Range(0, 300)
            .Select(i => Route($"R{i}", prefixes: [$"+2567{random.Next(0, 100):D2}", $"+2567{random.Next(0, 1000):D3}"]))
            .Append(Route("UG_REST", countries: ["UG"]))
            .ToArray();
        var routes = Compile(definitions);
        var numbers = new long[Recipients];
        for (var i = 0; i < Recipients; i++)
        {
            numbers[i] = 256_700_000_000 + random.NextInt64(0, 99_999_999);
        }
        for (var i = 0; i < 5_000; i++)
        {
            Assert.Equal(Scan(definitions, numbers[i]), routes.Match("cl_a", "UG", numbers[i]));
        }

        var group = routes.For("cl_a", "UG");
        MatchAll(group, numbers, out _); // warm: the JIT's own work is not the matcher's
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var checksum = MatchAll(group, numbers, out var afterMatching);
        clock.Stop();
        var perRecipientAllocations = afterMatching - allocated;

        output.WriteLine($"{Recipients:N0} matches in {clock.ElapsedMilliseconds} ms ({clock.Elapsed.TotalNanoseconds / Recipients:F0} ns each), checksum {checksum}");
        Assert.Equal(0, perRecipientAllocations);
        Assert.True(checksum > 0);
    }

    static long MatchAll(RouteGroup group, long[] numbers, out long allocatedAfter)
    {
        var checksum = 0L;
        for (var i = 0; i < numbers.Length; i++)
        {
            checksum += group.Match(numbers[i]);
        }
        allocatedAfter = GC.GetAllocatedBytesForCurrentThread();
        return checksum;
    }

    // What the table means, read literally: the first route whose prefixes (or absence of them) admit the number.
    static int Scan(RouteDefinition[] definitions, long number)
    {
        var e164 = "+" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var order = 0; order < definitions.Length; order++)
        {
            if (definitions[order].Prefixes is not { } prefixes || prefixes.Any(p => e164.StartsWith(p, StringComparison.Ordinal)))
            {
                return order;
            }
        }
        return -1;
    }
}
