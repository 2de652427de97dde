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
    static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    IGrainTimer? _runTimer;

    async Task ArmAsync()
    {
        if (State.NextRunAt is { } at && Lifecycle.IsLive)
        {
            await this.RegisterOrUpdateReminder(ScheduleReminder, ScheduleAlarm.DelayUntil(at, time.GetUtcNow()), ReminderPeriod);
            ArmTimer(at);
            return;
        }
        _runTimer?.Dispose();
        _runTimer = null;
        if (await this.GetReminder(ScheduleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    void ArmTimer(DateTimeOffset at)
    {
        _runTimer?.Dispose();
        _runTimer = this.RegisterGrainTimer(_ => OnDueAsync(byReminder: false),
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
                    await StartRunAsync(Lifecycle.Runs.Next, due, interactive: false, replan: true);
                }
                return new BroadcastOutcome(null, null);
            });
        }
    }

    /// <summary>
    /// Records each due run that <see cref="MissedRuns"/> skips (see <see cref="BroadcastRuns.SkipMissed"/>); answers
    /// the due run to start now, or null when none is (the schedule is then armed for the next, or the broadcast ended).
    /// </summary>
    async Task<DateTimeOffset?> SkipMissedRunsAsync()
    {
        var (skipped, start) = Lifecycle.Runs.SkipMissed(time.GetUtcNow());
        if (skipped > 0)
        {
            await SaveAsync();
            if (start is null)
            {
                await ArmAsync();
            }
        }
        return start;
    }
}
