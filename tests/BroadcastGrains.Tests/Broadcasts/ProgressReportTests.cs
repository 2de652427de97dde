using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>Partitions' reports interleave: only a newer one counts, and a run settles until every partition is done.</summary>
public sealed class ProgressReportTests
{
    [Fact]
    public void A_newer_report_replaces_the_counts_and_an_older_one_changes_nothing()
    {
        var (state, runs) = OneSendingRun();

        Assert.True(runs.Take(Report(version: 5, cancelled: 2)));
        Assert.False(runs.Take(Report(version: 4, cancelled: 9)));
        Assert.False(runs.Take(Report(version: 5, cancelled: 9)));

        Assert.Equal((5, 2L), (state.Runs[0].Partitions[0]!.Version, state.Runs[0].Partitions[0]!.Counts[(int)RecipientStatus.Cancelled]));
    }

    [Fact]
    public void A_report_of_a_run_or_partition_the_broadcast_does_not_have_changes_nothing()
    {
        var (state, runs) = OneSendingRun();

        Assert.False(runs.Take(Report(version: 9, run: 2)));
        Assert.False(runs.Take(Report(version: 9, partition: 1)));
        Assert.False(runs.Take(Report(version: 9, partition: -1)));
        Assert.Equal(1, state.Runs[0].Partitions[0]!.Version);
    }

    [Fact]
    public void A_cancelled_run_awaits_reports_until_its_partitions_are_done_and_the_wallet_closed()
    {
        var state = States.Of(BroadcastStatus.Cancelled);
        var run = States.Run(1, BroadcastStatus.Cancelled);
        state.Runs.Add(run);
        var runs = new BroadcastRuns(state);
        Assert.True(runs.AwaitReports);

        run.Partitions = [States.Progress(0, done: true)];
        Assert.True(runs.AwaitReports);

        run.WalletClosed = true;
        Assert.False(runs.AwaitReports);
    }

    [Fact]
    public void The_sweep_watches_a_live_broadcast_a_settling_run_and_an_undo_to_finish()
    {
        var ended = States.Of(BroadcastStatus.Cancelled);
        Assert.False(new BroadcastLifecycle(ended).Swept(undoPending: false));
        Assert.True(new BroadcastLifecycle(ended).Swept(undoPending: true));

        ended.Runs.Add(States.Run(1, BroadcastStatus.Cancelled));
        Assert.True(new BroadcastLifecycle(ended).Swept(undoPending: false));

        Assert.True(new BroadcastLifecycle(States.Of(BroadcastStatus.Paused)).Swept(undoPending: false));
        var creating = States.Of(BroadcastStatus.Completed);
        creating.Creating = true;
        Assert.True(new BroadcastLifecycle(creating).Swept(undoPending: false));
    }

    static (BroadcastState State, BroadcastRuns Runs) OneSendingRun()
    {
        var state = States.Of(BroadcastStatus.Sending);
        state.Runs.Add(States.Run(1, BroadcastStatus.Sending));
        return (state, new BroadcastRuns(state));
    }

    static PartitionProgress Report(int version, long cancelled = 0, int run = 1, int partition = 0)
    {
        var counts = new long[RecipientStatuses.Count];
        counts[(int)RecipientStatus.Cancelled] = cancelled;
        return new PartitionProgress(partition, version, counts, 0m, 0m, false, run);
    }
}
