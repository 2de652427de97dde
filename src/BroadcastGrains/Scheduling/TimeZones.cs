namespace BroadcastGrains.Scheduling;

// Placeholder written by the lead so the tree compiles; the Scheduling owner replaces this file.
public static class TimeZones
{
    public static bool IsKnown(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
