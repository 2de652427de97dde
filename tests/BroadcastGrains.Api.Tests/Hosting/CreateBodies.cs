using System.Globalization;
using System.Text.Json.Nodes;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Create bodies and the numbers that go in them.</summary>
internal static class CreateBodies
{
    /// <summary>A one-segment GSM-7 text from an alphanumeric sender to <paramref name="recipients"/>.</summary>
    public static JsonObject Body(params string[] recipients) => new()
    {
        ["name"] = "Spring sale",
        ["from"] = "MyShop",
        ["body"] = "Hello from the shop",
        ["recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]),
    };

    /// <summary>
    /// <paramref name="count"/> E.164 numbers valid in their country (libphonenumber decides), counting up from
    /// <paramref name="first"/>, none ending in the simulator's fixed-outcome suffixes 0001…0003.
    /// </summary>
    public static List<long> ValidNumbers(long first, int count)
    {
        var numbers = new List<long>(count);
        for (var n = first; numbers.Count < count; n++)
        {
            Assert.True(n - first < (count * 100L) + 1000, $"no {count} valid numbers from +{first}");
            if (n % 10_000 is not (1 or 2 or 3) && PhoneNumberClassifier.Shared.ValidRegionOf(n) is not null)
            {
                numbers.Add(n);
            }
        }
        return numbers;
    }

    public static string E164(long number) => "+" + number.ToString(CultureInfo.InvariantCulture);

    public static string[] E164(IEnumerable<long> numbers) => [.. numbers.Select(E164)];
}
