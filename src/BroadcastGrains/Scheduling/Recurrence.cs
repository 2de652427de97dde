namespace BroadcastGrains.Scheduling;

// Placeholder written by the lead so the tree compiles; the Scheduling owner replaces this file.
public static class Recurrence
{
    public static string? Validate(string rule) => string.IsNullOrWhiteSpace(rule) ? "empty" : null;

    public static IReadOnlyList<DateTimeOffset> Next(string rule, DateTimeOffset start, string timeZone, DateTimeOffset after, int max) =>
        throw new NotSupportedException("placeholder");
}
