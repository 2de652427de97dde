using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>What a run counts against the client's daily quota and gives back.</summary>
public sealed class RunQuotaTests
{
    [Fact]
    public void Run_one_counts_its_prepared_pending_recipients_and_later_runs_their_own_estimates()
    {
        var state = States.Of(BroadcastStatus.Scheduled);
        state.Prepared = [States.Progress(0, pending: 7), States.Progress(1, pending: 5), null];
        var counts = new long[RecipientStatuses.Count];
        counts[(int)RecipientStatus.Pending] = 4;
        counts[(int)RecipientStatus.Invalid] = 9;
        var estimate = new PartitionEstimate(counts, [], 1m, 1, 1, Pricing.MessageEncoding.Gsm7, [], null);

        Assert.Equal(12, RunQuota.Sendable(state, null));
        Assert.Equal(8, RunQuota.Sendable(state, [estimate, estimate]));
    }

    [Fact]
    public void A_cancelled_run_gives_back_only_its_recipients_never_handed_to_a_carrier()
    {
        var run = States.Run(3, BroadcastStatus.Cancelled, cancelled: 6);
        run.Partitions = [.. run.Partitions, States.Progress(1, pending: 2, cancelled: 4, run: 3), null];

        Assert.Equal(10, RunQuota.Unsent(run));
    }

    [Fact]
    public void Each_run_counts_under_its_own_key_and_an_overrun_says_daily_quota_exceeded()
    {
        Assert.Equal("b-1/run/2", RunQuota.Key("b-1", 2));
        var refused = RunQuota.Exceeded(500, 100);
        Assert.Equal(ErrorCodes.DailyQuotaExceeded, refused.Code);
        Assert.Contains("500", refused.Detail, StringComparison.Ordinal);
    }
}
