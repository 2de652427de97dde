using System.Globalization;
using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>
/// Expected run times are written as ISO 8601 UTC text, worked out by hand, so that a failing vector prints the two
/// series side by side in the form a reader checks them against a calendar.
/// </summary>
internal static class Runs
{
    public const string NewYork = "America/New_York";
    public const string Berlin = "Europe/Berlin";

    public static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <summary>The series from its DTSTART on: <c>after</c> just before DTSTART, so DTSTART is the first run.</summary>
    public static IReadOnlyList<DateTimeOffset> FromStart(string rule, string startUtc, string zone, int max) =>
        Recurrence.Next(rule, Utc(startUtc), zone, Utc(startUtc).AddTicks(-1), max);

    /// <summary>The runs after DTSTART itself.</summary>
    public static IReadOnlyList<DateTimeOffset> AfterStart(string rule, string startUtc, string zone, int max) =>
        Recurrence.Next(rule, Utc(startUtc), zone, Utc(startUtc), max);

    public static void Equal(IReadOnlyList<DateTimeOffset> actual, params string[] expectedUtc)
    {
        Assert.All(actual, run => Assert.Equal(TimeSpan.Zero, run.Offset));
        Assert.Equal(expectedUtc, actual.Select(run => run.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
    }
}
