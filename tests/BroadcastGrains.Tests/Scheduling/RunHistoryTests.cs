using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>Issue 13 item 8: a broadcast's state keeps its newest runs however long the series goes on, totals intact.</summary>
public sealed class RunHistoryTests
{
    [Fact]
    public void Runs_beyond_the_kept_hundred_are_dropped_with_their_totals_and_numbering_kept()
    {
        var state = new BroadcastState();
        for (var run = 1; run <= 250; run++)
        {
            state.Runs.Add(Finished(run, run % 3 == 0 ? BroadcastStatus.Skipped : BroadcastStatus.Completed, captured: 2m, refunded: 0.5m));
            state.DropOldRuns();
        }

        Assert.Equal(BroadcastState.RunsKept, state.Runs.Count);
        Assert.Equal(250, state.RunCount);
        Assert.Equal(Enumerable.Range(151, 100), state.Runs.Select(r => r.Run));
        // Every third run was skipped (83 of 250, 50 of the 150 dropped) and spent nothing.
        Assert.Equal(167 * 2m, state.Dropped.Captured + state.Runs.Sum(r => r.Captured));
        Assert.Equal(167 * 0.5m, state.Dropped.Refunded + state.Runs.Sum(r => r.Refunded));
        Assert.Equal((100 * 2m, 0m), (state.Dropped.Captured, state.Dropped.StillHeld));
        Assert.Equal(100, state.Dropped.Completed);
        Assert.Equal(200, state.RunOf(200)!.Run);
        Assert.Null(state.RunOf(150));
        Assert.Null(state.RunOf(251));
    }

    [Fact]
    public void A_run_still_sending_or_settling_is_never_dropped_nor_anything_after_it()
    {
        var state = new BroadcastState();
        state.Runs.Add(Finished(1, BroadcastStatus.Sending, 1m, 0m));
        var settling = Finished(2, BroadcastStatus.Completed, 1m, 0m);
        settling.Partitions = [new PartitionProgress(0, 1, new long[RecipientStatuses.Count], 1m, 0m, Done: false, Run: 2)];
        state.Runs.Add(settling);
        for (var run = 3; run <= 150; run++)
        {
            state.Runs.Add(Finished(run, BroadcastStatus.Completed, 1m, 0m));
        }

        state.DropOldRuns();
        Assert.Equal(150, state.Runs.Count);

        state.Runs[0].Status = BroadcastStatus.Completed;
        state.DropOldRuns();
        Assert.Equal(150, state.Runs.Count); // settled, but the wallet has not been told to forget it yet

        state.Runs[0].WalletClosed = true;
        state.DropOldRuns();
        Assert.Equal((1, 149), (state.Dropped.Runs, state.Runs.Count));
        Assert.Equal(2, state.Runs[0].Run);
    }

    static RunState Finished(int run, BroadcastStatus status, decimal captured, decimal refunded) => new()
    {
        Run = run,
        Status = status,
        Held = status == BroadcastStatus.Skipped ? 0m : captured,
        Partitions = status == BroadcastStatus.Skipped
            ? []
            : [new PartitionProgress(0, 1, new long[RecipientStatuses.Count], captured, refunded, Done: true, Run: run)],
        Released = 0,
        WalletClosed = status != BroadcastStatus.Skipped && status != BroadcastStatus.Sending,
    };
}
