using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The schedule: an Orleans reminder is the durable trigger (it survives deactivation and, on durable storage, silo
/// restarts, but ticks at most once a minute); a grain timer at the exact time gives precision while the grain is active.
/// Neither is armed further than <see cref="ScheduleAlarm.Cap"/> ahead (Orleans refuses ~49.7 days and more); a wake
/// before the due time arms again for the remainder. Starting a run is idempotent: it only happens while the broadcast
/// is scheduled and its next run is due.
/// </summary>
internal sealed partial class BroadcastGrain
{
    const string ScheduleReminder = "schedule";
    const int UpcomingShown = 5;
    const int SkipBatch = 200;
    static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    IGrainTimer? runTimer;

    /// <summary>RFC 5545 DTSTART: <c>scheduledAt</c> (pinned to the first run at create when the client gave none).</summary>
    static DateTimeOffset SeriesStart(BroadcastState state) => state.Definition!.Schedule.ScheduledAt ?? state.CreatedAt;

    /// <summary>
    /// The first run. A recurring series without <c>scheduledAt</c> starts at creation and runs strictly after it: its
    /// first occurrence then becomes DTSTART, so COUNT counts real runs (the creation minute itself is no run).
    /// </summary>
    static DateTimeOffset? FirstRunAt(BroadcastState state)
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

    static IReadOnlyList<DateTimeOffset> Occurrences(BroadcastState state, DateTimeOffset after, int max)
    {
        var schedule = state.Definition!.Schedule;
        return Recurrence.Next(schedule.RecurrenceRule!, SeriesStart(state), schedule.Timezone, after, max);
    }

    /// <summary>After the run due at <paramref name="ranAt"/>: the series' next run, or none.</summary>
    void AdvanceSchedule(DateTimeOffset ranAt)
    {
        State.NextRunAt = State.Definition!.Schedule.Mode == ScheduleMode.Recurring
            ? Occurrences(State, ranAt, 1).Cast<DateTimeOffset?>().FirstOrDefault()
            : null;
    }

    IReadOnlyList<DateTimeOffset> UpcomingRuns(BroadcastState state)
    {
        if (state.NextRunAt is not { } next || state.Status is BroadcastStatus.Cancelled or BroadcastStatus.Completed or BroadcastStatus.Failed)
        {
            return [];
        }
        return state.Definition!.Schedule.Mode == ScheduleMode.Recurring
            ? [next, .. Occurrences(state, next, UpcomingShown - 1)]
            : [next];
    }

    async Task ArmAsync()
    {
        var waiting = State.Status is BroadcastStatus.Scheduled or BroadcastStatus.Sending or BroadcastStatus.Paused;
        if (State.NextRunAt is { } at && waiting)
        {
            await this.RegisterOrUpdateReminder(ScheduleReminder, ScheduleAlarm.DelayUntil(at, time.GetUtcNow()), ReminderPeriod);
            ArmTimer(at);
            return;
        }
        runTimer?.Dispose();
        runTimer = null;
        if (await this.GetReminder(ScheduleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    void ArmTimer(DateTimeOffset at)
    {
        runTimer?.Dispose();
        runTimer = this.RegisterGrainTimer(_ => OnDueAsync(byReminder: false),
            new GrainTimerCreationOptions(ScheduleAlarm.DelayUntil(at, time.GetUtcNow()), Timeout.InfiniteTimeSpan));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ScheduleReminder ? OnDueAsync(byReminder: true) : Task.CompletedTask;

    async Task OnDueAsync(bool byReminder)
    {
        await FinishUndoAsync();
        if (!State.Exists || State.NextRunAt is not { } at)
        {
            await ArmAsync();
            return;
        }
        switch (ScheduleAlarm.OnWake(at, time.GetUtcNow(), byReminder))
        {
            case ScheduleWake.ArmTimer:
                ArmTimer(at);
                return;
            case ScheduleWake.Rearm:
                await ArmAsync();
                return;
        }
        // A recurring run comes due while the previous one still sends (receipts pending): both run, each with its own hold.
        if (State.Status is BroadcastStatus.Scheduled or BroadcastStatus.Sending)
        {
            await UndoingOnFailureAsync(async () =>
            {
                if (await SkipMissedRunsAsync() is { } due)
                {
                    await StartRunAsync(State.RunCount + 1, due, interactive: false, replan: true);
                }
                return new BroadcastOutcome(null, null);
            });
        }
    }

    /// <summary>
    /// Records each due run that <see cref="MissedRuns"/> skips as <c>skipped</c> and moves the series on; answers the
    /// due run to start now, or null when none is (the schedule is then armed for the next, or the broadcast ended).
    /// </summary>
    async Task<DateTimeOffset?> SkipMissedRunsAsync()
    {
        var now = time.GetUtcNow();
        var validity = TimeSpan.FromMinutes(State.Definition!.ValidityMinutes);
        var recurring = State.Definition.Schedule.Mode == ScheduleMode.Recurring;
        var skipped = 0;
        var batchUsedUp = true;
        while (batchUsedUp && State.NextRunAt is { } due)
        {
            // The runs after it, a batch at a time: an outage of weeks skips thousands of runs of a 15-minute series.
            var later = recurring ? Occurrences(State, due, SkipBatch) : [];
            batchUsedUp = false;
            for (var i = 0; ; i++)
            {
                var missed = State.NextRunAt!.Value;
                DateTimeOffset? next = i < later.Count ? later[i] : null;
                if (!MissedRuns.IsMissed(missed, next, now, validity))
                {
                    break;
                }
                AddSkippedRun(missed, now);
                skipped++;
                State.NextRunAt = next;
                if (next is null || i == SkipBatch - 1)
                {
                    batchUsedUp = next is not null;
                    break;
                }
            }
        }
        var start = State.NextRunAt is { } at && ScheduleAlarm.OnWake(at, now, byReminder: false) == ScheduleWake.Start ? at : (DateTimeOffset?)null;
        if (skipped > 0)
        {
            EndIfNothingLeft("no run could start within its validity of its due time", now);
            await SaveAsync();
            if (start is null)
            {
                await ArmAsync();
            }
        }
        return start;
    }

    void AddSkippedRun(DateTimeOffset scheduledFor, DateTimeOffset now)
    {
        State.Runs.Add(new RunState
        {
            Run = State.RunCount + 1,
            Status = BroadcastStatus.Skipped,
            ScheduledFor = scheduledFor,
            CompletedAt = now,
            RecipientCount = State.RecipientCount,
            FailureReason = "could not start within its validity of its due time",
        });
        State.DropOldRuns();
    }
}
