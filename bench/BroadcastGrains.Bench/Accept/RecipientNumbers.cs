using System.Diagnostics;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Bench.Accept;

/// <summary>
/// Distinct US numbers (+1 212 …) that libphonenumber calls valid, none ending in the simulator's fixed-outcome suffixes
/// 0001…0003, so every recipient of the benchmark is a sendable message. Checking them also times the validator.
/// </summary>
internal static class RecipientNumbers
{
    const long Suffixes = 10_000;

    /// <summary><paramref name="count"/> numbers counting up from <paramref name="first"/>, and the time validating them took on one core.</summary>
    public static (long[] Numbers, TimeSpan ValidationTime, long Checked) Generate(long first, int count)
    {
        var numbers = new long[count];
        var phones = PhoneNumberClassifier.Shared;
        var clock = Stopwatch.StartNew();
        var n = first;
        for (var found = 0; found < count; n++)
        {
            if (n % Suffixes is not (1 or 2 or 3) && phones.ValidRegionOf(n) is not null)
            {
                numbers[found++] = n;
            }
        }
        return (numbers, clock.Elapsed, n - first);
    }
}
