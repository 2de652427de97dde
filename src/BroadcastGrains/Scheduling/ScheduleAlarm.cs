namespace BroadcastGrains.Scheduling;

/// <summary>
/// How far ahead a broadcast arms its reminder and timer, and what a wake does. Orleans refuses timer and reminder due
/// times above 2^32−2 ms (about 49.7 days), and the API accepts runs up to a year ahead, so a run further away than
/// <see cref="Cap"/> is reached in steps: each wake before the due time arms again for the remainder, measured against
/// the clock then, so a wake that comes early, late or twice does no harm.
/// </summary>
internal static class ScheduleAlarm
{
    /// <summary>The longest delay ever armed: well inside Orleans' limit, and 13 steps reach the one-year horizon.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromDays(30);

    /// <summary>A wake this close before the due time starts the run rather than arm a timer for a few milliseconds.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(250);

    /// <summary>The delay to arm for a run due at <paramref name="dueAt"/>: zero when it is due, never above <see cref="Cap"/>.</summary>
    public static TimeSpan DelayUntil(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var due = dueAt - now;
        return due <= TimeSpan.Zero ? TimeSpan.Zero : due < Cap ? due : Cap;
    }

    /// <summary>What a wake at <paramref name="now"/> does for the run due at <paramref name="dueAt"/>.</summary>
    public static ScheduleWake OnWake(DateTimeOffset dueAt, DateTimeOffset now, bool byReminder) =>
        dueAt - now <= Slack ? ScheduleWake.Start
        : byReminder ? ScheduleWake.Rearm
        : ScheduleWake.ArmTimer;
}
