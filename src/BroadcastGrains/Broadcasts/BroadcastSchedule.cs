using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// A broadcast's run times: the first run, the series' next one after a run, and the upcoming ones a client reads.
/// The grain arms its reminder and timer for <see cref="BroadcastState.NextRunAt"/>; these only compute it.
/// </summary>
internal static class BroadcastSchedule
{
    const int UpcomingShown = 5;

    /// <summary>RFC 5545 DTSTART: <c>scheduledAt</c> (pinned to the first run at create when the client gave none).</summary>
    static DateTimeOffset SeriesStart(BroadcastState state) => state.Definition!.Schedule.ScheduledAt ?? state.CreatedAt;

    /// <summary>
    /// The first run. A recurring series without <c>scheduledAt</c> starts at creation and runs strictly after it: its
    /// first occurrence then becomes DTSTART (stored in the definition), so COUNT counts real runs (the creation minute
    /// itself is no run).
    /// </summary>
    public static DateTimeOffset? FirstRunAt(BroadcastState state)
    {
        var schedule = state.Definition!.Schedule;
        if (schedule.Mode == ScheduleMode.Recurring && schedule.ScheduledAt is null)
        {
            var minute = new DateTimeOffset(state.CreatedAt.UtcTicks - (state.CreatedAt.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            var first = Recurrence.Next(schedule.RecurrenceRule!, minute, schedule.Timezone, state.CreatedAt, 1);
            if (first.Count == 0)
            {
                return null;
            }
            schedule = schedule with { ScheduledAt = first[0] };
            state.Definition = state.Definition with { Schedule = schedule };
        }
        return schedule.Mode switch
        {
            ScheduleMode.Scheduled or ScheduleMode.Drip or ScheduleMode.Recurring => schedule.ScheduledAt,
            _ => null,
        };
    }

    /// <summary>The series' runs strictly after <paramref name="after"/>, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Occurrences(BroadcastState state, DateTimeOffset after, int max)
    {
        var schedule = state.Definition!.Schedule;
        return Recurrence.Next(schedule.RecurrenceRule!, SeriesStart(state), schedule.Timezone, after, max);
    }

    /// <summary>After the run due at <paramref name="ranAt"/>: the series' next run, or none.</summary>
    public static DateTimeOffset? NextAfter(BroadcastState state, DateTimeOffset ranAt) =>
        state.Definition!.Schedule.Mode == ScheduleMode.Recurring
            ? Occurrences(state, ranAt, 1).Cast<DateTimeOffset?>().FirstOrDefault()
            : null;

    /// <summary>API.md <c>upcomingRuns</c>: the next run and, for a series, the four after it; none once it ended.</summary>
    public static IReadOnlyList<DateTimeOffset> Upcoming(BroadcastState state)
    {
        if (state.NextRunAt is not { } next || BroadcastLifecycle.IsOverStatus(state.Status))
        {
            return [];
        }
        return state.Definition!.Schedule.Mode == ScheduleMode.Recurring
            ? [next, .. Occurrences(state, next, UpcomingShown - 1)]
            : [next];
    }
}
