namespace BroadcastGrains.Scheduling;

// Placeholder written by the lead so the tree compiles; the Scheduling owner replaces this file.
public static class QuietHours
{
    public static bool IsOpen(TimeOnly start, TimeOnly end, string timeZone, DateTimeOffset at) => true;

    public static DateTimeOffset NextOpening(TimeOnly start, TimeOnly end, string timeZone, DateTimeOffset at) => at;

    public static DateTimeOffset NextClosing(TimeOnly start, TimeOnly end, string timeZone, DateTimeOffset at) => at.AddDays(1);
}
