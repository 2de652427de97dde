namespace BroadcastGrains.Hosting;

/// <summary>
/// The clock broadcasts read their schedule by: a <see cref="TimeProvider"/> registered under <see cref="Key"/>, the
/// silo's own one unless a host registers another first. It is separate from the TimeProvider Orleans runs on, so a
/// test can move the broadcasts' time months ahead to see a schedule fire without membership or reminders seeing the jump.
/// </summary>
public static class BroadcastClock
{
    /// <summary>The service key of the broadcasts' clock.</summary>
    public const string Key = "broadcast-clock";
}
