using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>Which recipients a retry sends to again, and how their attempts are counted (API.md <c>POST …/retry</c>).</summary>
public sealed class RetryRuleTests
{
    static PartitionState State(params (RecipientStatus Status, RecipientError Error)[] recipients) => new()
    {
        Statuses = [.. recipients.Select(r => (byte)r.Status)],
        Errors = [.. recipients.Select(r => (byte)r.Error)],
    };

    [Fact]
    public void Only_asked_statuses_with_errors_another_attempt_can_fix_are_retried()
    {
        var state = State(
            (RecipientStatus.Failed, RecipientError.Undelivered),
            (RecipientStatus.Timeout, RecipientError.NoReceipt),
            (RecipientStatus.Expired, RecipientError.Expired),
            (RecipientStatus.Delivered, RecipientError.None),
            (RecipientStatus.Blocked, RecipientError.CarrierRejected),
            (RecipientStatus.Blocked, RecipientError.NoRoute),
            (RecipientStatus.Invalid, RecipientError.InvalidNumber),
            (RecipientStatus.OptedOut, RecipientError.None),
            (RecipientStatus.Failed, RecipientError.Undelivered));

        Assert.Equal([0, 1], RetryRule.Select(state, RetryRule.DefaultStatuses, optedOut: new HashSet<int> { 8 }));
        Assert.Equal([0, 1, 2, 8], RetryRule.Select(state, RetryRule.Retryable, optedOut: null));
        // A status outside the retryable ones is never retried, even when asked for.
        Assert.Empty(RetryRule.Select(state, [RecipientStatus.Delivered, RecipientStatus.Blocked], optedOut: null));
    }

    [Fact]
    public void Attempts_add_earlier_runs_to_whether_the_latest_attempt_reached_a_carrier()
    {
        var state = State(
            (RecipientStatus.Failed, RecipientError.Undelivered),
            (RecipientStatus.Pending, RecipientError.None),
            (RecipientStatus.Blocked, RecipientError.CarrierRejected),
            (RecipientStatus.Invalid, RecipientError.InvalidNumber));
        Assert.Equal([1, 0, 1, 0], Enumerable.Range(0, 4).Select(i => RetryRule.Attempts(state, i)));

        state.PriorAttempts = [0, 1, 0, 0];
        Assert.Equal([1, 1, 1, 0], Enumerable.Range(0, 4).Select(i => RetryRule.Attempts(state, i)));
    }
}
