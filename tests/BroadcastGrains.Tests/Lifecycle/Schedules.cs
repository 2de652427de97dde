using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>The schedule a client asks for, one helper per mode of API.md.</summary>
internal static class Schedules
{
    public static ScheduleSpec Draft { get; } = ScheduleSpec.Now with { Mode = ScheduleMode.Draft };

    public static ScheduleSpec At(DateTimeOffset at) => ScheduleSpec.Now with { Mode = ScheduleMode.Scheduled, ScheduledAt = at };

    public static ScheduleSpec Recurring(string rule, DateTimeOffset? start = null, string timezone = "UTC") =>
        ScheduleSpec.Now with { Mode = ScheduleMode.Recurring, RecurrenceRule = rule, ScheduledAt = start, Timezone = timezone };

    public static ScheduleSpec Drip(int perMinute) => ScheduleSpec.Now with { Mode = ScheduleMode.Drip, DripRatePerMinute = perMinute };

    public static ScheduleSpec Within(DeliveryWindow window) => ScheduleSpec.Now with { DeliveryWindow = window };

    /// <summary>The next whole second at least <paramref name="ahead"/> from now: RRULE times have no fractions.</summary>
    public static DateTimeOffset WholeSecondsAhead(TimeSpan ahead) => WholeSecondsAhead(DateTimeOffset.UtcNow, ahead);

    /// <summary>The next whole second at least <paramref name="ahead"/> from <paramref name="now"/>.</summary>
    public static DateTimeOffset WholeSecondsAhead(DateTimeOffset now, TimeSpan ahead)
    {
        var at = now + ahead;
        return new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
    }
}
