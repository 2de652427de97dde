using BroadcastGrains.Partitions;
using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// A broadcast's run book: each run that started, failed or was skipped, what settling one does to the broadcast, and
/// when a series with nothing left ends. The grain holds credits and starts partitions; this records the outcome.
/// </summary>
internal sealed class BroadcastRuns(BroadcastState state)
{
    /// <summary>Skipped runs are recorded a batch of due times at a time: an outage of weeks skips thousands of runs of a 15-minute series.</summary>
    internal const int SkipBatch = 200;

    internal const string SkippedReason = "could not start within its validity of its due time";

    /// <summary>The number the next run gets: one after every run so far, the dropped ones included.</summary>
    public int Next => state.RunCount + 1;

    /// <summary>Records run <paramref name="run"/> as sending on the credits it holds, and moves the series on.</summary>
    public RunState Started(int run, DateTimeOffset scheduledFor, DateTimeOffset now, decimal credits, PartitionProgress?[] prepared)
    {
        var started = new RunState
        {
            Run = run,
            Status = BroadcastStatus.Sending,
            ScheduledFor = scheduledFor,
            StartedAt = now,
            RecipientCount = state.RecipientCount,
            EstimatedCredits = credits,
            Held = credits,
            Partitions = prepared.Select(p => p! with { Run = run }).ToArray(),
        };
        state.Runs.Add(started);
        state.DropOldRuns();
        state.Status = BroadcastStatus.Sending;
        state.StartedAt ??= now;
        state.NextRunAt = BroadcastSchedule.NextAfter(state, scheduledFor);
        return started;
    }

    /// <summary>A run the schedule could not start (no credits, over quota, a message that no longer prices): later runs stay scheduled.</summary>
    public void Failed(int run, DateTimeOffset scheduledFor, DateTimeOffset now, string reason)
    {
        NeverSent(run, BroadcastStatus.Failed, scheduledFor, now, reason);
        state.NextRunAt = BroadcastSchedule.NextAfter(state, scheduledFor);
        EndIfNothingLeft(reason, now);
    }

    /// <summary>
    /// Records as skipped every due run that <see cref="MissedRuns"/> skips and moves the series on; answers how many it
    /// skipped and the due run to start now, if one is.
    /// </summary>
    public (int Skipped, DateTimeOffset? Start) SkipMissed(DateTimeOffset now)
    {
        var validity = TimeSpan.FromMinutes(state.Definition!.ValidityMinutes);
        var recurring = state.Definition.Schedule.Mode == ScheduleMode.Recurring;
        var skipped = 0;
        var batchUsedUp = true;
        while (batchUsedUp && state.NextRunAt is { } due)
        {
            var later = recurring ? BroadcastSchedule.Occurrences(state, due, SkipBatch) : [];
            batchUsedUp = false;
            for (var i = 0; ; i++)
            {
                var missed = state.NextRunAt!.Value;
                DateTimeOffset? next = i < later.Count ? later[i] : null;
                if (!MissedRuns.IsMissed(missed, next, now, validity))
                {
                    break;
                }
                NeverSent(Next, BroadcastStatus.Skipped, missed, now, SkippedReason);
                skipped++;
                state.NextRunAt = next;
                if (next is null || i == SkipBatch - 1)
                {
                    batchUsedUp = next is not null;
                    break;
                }
            }
        }
        var start = state.NextRunAt is { } at && ScheduleAlarm.OnWake(at, now, byReminder: false) == ScheduleWake.Start ? at : (DateTimeOffset?)null;
        if (skipped > 0)
        {
            EndIfNothingLeft("no run could start within its validity of its due time", now);
        }
        return (skipped, start);
    }

    /// <summary>A run that ended without sending (failed or skipped): no partitions, no hold, its reason kept.</summary>
    void NeverSent(int run, BroadcastStatus status, DateTimeOffset scheduledFor, DateTimeOffset now, string reason)
    {
        state.Runs.Add(new RunState
        {
            Run = run,
            Status = status,
            ScheduledFor = scheduledFor,
            CompletedAt = now,
            RecipientCount = state.RecipientCount,
            FailureReason = reason,
        });
        state.DropOldRuns();
    }

    /// <summary>
    /// After a run that did not send (failed or skipped): a series with nothing left to run or settle ends, completed
    /// when any run completed, the dropped ones included.
    /// </summary>
    void EndIfNothingLeft(string reason, DateTimeOffset now)
    {
        if (state.NextRunAt is not null || state.Runs.Any(r => r.IsActive))
        {
            return;
        }
        var series = state.Definition!.Schedule.Mode == ScheduleMode.Recurring;
        var anyCompleted = state.Runs.Any(r => r.Status == BroadcastStatus.Completed) || state.Dropped.Completed > 0;
        state.Status = series && anyCompleted ? BroadcastStatus.Completed : BroadcastStatus.Failed;
        state.FailureReason = state.Status == BroadcastStatus.Failed ? reason : null;
        state.CompletedAt = now;
    }

    /// <summary>A cancelled run stops: its partitions are cancelled next, and the grain releases what they never sent.</summary>
    public static void Cancelling(RunState run) => run.Status = BroadcastStatus.Cancelled;

    /// <summary>The wallet released <paramref name="released"/> of a cancelled run's hold.</summary>
    public static void Cancelled(RunState run, decimal released, DateTimeOffset now)
    {
        run.Released += released;
        run.CompletedAt = now;
    }

    /// <summary>
    /// Every partition of <paramref name="run"/> is done and the wallet released the rest of its hold. Answers true when
    /// that ended the broadcast's sending: completed with no run left, scheduled when the series goes on.
    /// </summary>
    public bool Finished(RunState run, decimal released, DateTimeOffset now)
    {
        run.Released += released;
        run.Status = run.Status == BroadcastStatus.Cancelled ? BroadcastStatus.Cancelled : BroadcastStatus.Completed;
        run.CompletedAt ??= now;
        if (state.Status is not BroadcastStatus.Sending || state.Runs.Any(r => r.IsActive))
        {
            return false;
        }
        state.Status = state.NextRunAt is null ? BroadcastStatus.Completed : BroadcastStatus.Scheduled;
        if (state.Status == BroadcastStatus.Completed)
        {
            state.CompletedAt = now;
        }
        return true;
    }

    /// <summary>
    /// Takes a partition's counts into its run. False for a report that changes nothing: of a run no longer kept, of a
    /// partition the run does not have, or older than the one it has (reports interleave, versions order them).
    /// </summary>
    public bool Take(PartitionProgress progress)
    {
        var run = state.RunOf(progress.Run);
        if (run is null || (uint)progress.Partition >= (uint)run.Partitions.Length
            || run.Partitions[progress.Partition] is { } known && known.Version >= progress.Version)
        {
            return false;
        }
        run.Partitions[progress.Partition] = progress;
        return true;
    }

    /// <summary>
    /// Whether reports or a wallet close are still to come. Cancelled runs still take receipts for what was sent, so
    /// they count until their partitions are done too.
    /// </summary>
    public bool AwaitReports => state.Runs.Any(r => r.IsActive || r.AwaitsWalletClose || r.Settling);
}
