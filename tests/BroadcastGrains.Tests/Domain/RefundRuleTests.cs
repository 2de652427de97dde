using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Domain;

/// <summary>
/// The refund rule: a charged message that ends undelivered is given back with refundFailed, nothing else is; the
/// wallet never gives back more than the run was charged.
/// </summary>
public sealed class RefundRuleTests
{
    [Theory]
    [InlineData(RecipientStatus.Failed, true)]
    [InlineData(RecipientStatus.Expired, true)]
    [InlineData(RecipientStatus.Timeout, true)]
    [InlineData(RecipientStatus.Delivered, false)]
    [InlineData(RecipientStatus.Blocked, false)]
    [InlineData(RecipientStatus.Cancelled, false)]
    [InlineData(RecipientStatus.OptedOut, false)]
    public void Only_an_undelivered_end_is_refunded_and_only_with_refund_failed(RecipientStatus outcome, bool refunded)
    {
        Assert.Equal(refunded, RefundRule.Refunds(outcome, refundFailed: true));
        Assert.False(RefundRule.Refunds(outcome, refundFailed: false));
        Assert.Equal(refunded ? 0.02m : 0, RefundRule.Owed(0.02m, outcome, refundFailed: true));
    }

    [Fact]
    public void A_refund_gives_back_at_most_what_the_run_was_charged_and_not_yet_refunded()
    {
        var run = RunAccount.Opened("bc_1", 1.00m, "hold") with { Held = 0, Captured = 0.30m, Refunded = 0.10m };

        Assert.Equal(0.05m, RefundRule.Applicable(0.05m, run));
        Assert.Equal(0.20m, RefundRule.Applicable(0.50m, run));
        Assert.Equal(0m, RefundRule.Applicable(0.50m, run with { Refunded = 0.30m }));
    }
}
