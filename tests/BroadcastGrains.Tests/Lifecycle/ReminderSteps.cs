using BroadcastGrains.Broadcasts;
using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// Plays a wait of months in a few calls: moves the broadcasts' clock to the time the broadcast's reminder is armed
/// for and ticks the reminder as Orleans would then, until the run is <see cref="Lead"/> away and the grain's own
/// timer takes over. At every step the reminder must be armed for the time left, or the cap, and the run not started.
/// </summary>
internal sealed class ReminderSteps(ClockedClusterFixture cluster)
{
    /// <summary>The last stretch, left to the timer in real time: the run must start at its time, not at a tick.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);

    const string ScheduleReminder = "schedule";

    /// <summary>Real time between arming and reading the table, and the table's own rounding.</summary>
    static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    /// <summary>How far ahead the broadcast's reminder is armed, as the reminder table holds it.</summary>
    public async Task<TimeSpan> ArmedForAsync(IBroadcastGrain broadcast)
    {
        var row = await cluster.Reminders.ReadRow(broadcast.GetGrainId(), ScheduleReminder);
        Assert.True(row is not null, "the broadcast has no schedule reminder");
        return row.StartAt - DateTime.UtcNow;
    }

    /// <summary>
    /// Steps to <see cref="Lead"/> before <paramref name="dueAt"/>, reminder by reminder. Answers how many ticks it
    /// took; the caller then waits for the run.
    /// </summary>
    public async Task<int> StepToAsync(IBroadcastGrain broadcast, string clientId, DateTimeOffset dueAt)
    {
        var runsBefore = (await broadcast.GetAsync(clientId))!.Runs;
        for (var ticks = 0; ; ticks++)
        {
            var armed = await ArmedForAsync(broadcast);
            var left = dueAt - cluster.Clock.GetUtcNow();
            var expected = left < ScheduleAlarm.Cap ? left : ScheduleAlarm.Cap;
            Assert.True((armed - expected).Duration() < Tolerance,
                $"after {ticks} ticks: {left} left, the reminder is armed for {armed}, not {expected}");
            if (left <= Lead + Tolerance)
            {
                return ticks;
            }
            var reminderDue = cluster.Clock.GetUtcNow() + armed;
            cluster.Clock.AdvanceTo(reminderDue < dueAt - Lead ? reminderDue : dueAt - Lead);
            await TickAsync(broadcast);

            var view = (await broadcast.GetAsync(clientId))!;
            Assert.True(view.Status == BroadcastStatus.Scheduled && view.Runs == runsBefore,
                $"{dueAt - cluster.Clock.GetUtcNow()} before its time the broadcast is {view.Status.ToApiName()} with {view.Runs} runs");
        }
    }

    /// <summary>What Orleans does when the broadcast's reminder comes due.</summary>
    public static Task TickAsync(IBroadcastGrain broadcast) =>
        broadcast.AsReference<IRemindable>().ReceiveReminder(ScheduleReminder,
            new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

    /// <summary>A run started no earlier than the grain's slack before its time and within API.md's five seconds after.</summary>
    public static void AssertOnTime(DateTimeOffset scheduledFor, DateTimeOffset? startedAt)
    {
        Assert.NotNull(startedAt);
        var late = startedAt.Value - scheduledFor;
        Assert.True(late >= -ScheduleAlarm.Slack && late < TimeSpan.FromSeconds(5),
            $"due {scheduledFor:O}, started {late.TotalSeconds:F3} s after");
    }
}
