using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Tests.Approval;

/// <summary>API.md's PATCH row: which changes send a broadcast back for approval, and which keep its status.</summary>
public sealed class ApprovalRuleTests
{
    static readonly ApprovalThresholds Thresholds = new(Recipients: 100, Credits: 10m);

    static PatchApprovalFacts Facts(decimal before, decimal after, bool messageChanged = false, bool approved = false,
        ApprovalThresholds? thresholds = null, long recipients = 50) =>
        new(thresholds ?? Thresholds, recipients, before, recipients, after, messageChanged, approved);

    [Theory]
    [InlineData(100, 10, false)]
    [InlineData(101, 10, true)]
    [InlineData(100, 10.01, true)]
    [InlineData(0, 0, false)]
    public void Only_strictly_above_either_threshold_needs_approval(long recipients, decimal credits, bool above)
    {
        Assert.Equal(above, ApprovalRule.IsAbove(Thresholds, recipients, credits));
    }

    [Fact]
    public void No_thresholds_or_a_threshold_not_given_never_needs_approval()
    {
        Assert.False(ApprovalRule.IsAbove(null, long.MaxValue, decimal.MaxValue));
        Assert.False(ApprovalRule.IsAbove(new ApprovalThresholds(null, 1m), long.MaxValue, 1m));
        Assert.True(ApprovalRule.IsAbove(new ApprovalThresholds(null, 1m), 1, 1.5m));
    }

    [Theory]
    [InlineData(BroadcastStatus.Draft)]
    [InlineData(BroadcastStatus.Scheduled)]
    public void A_change_that_moves_the_estimate_above_the_credit_threshold_needs_approval(BroadcastStatus status)
    {
        Assert.Equal(BroadcastStatus.PendingApproval,
            ApprovalRule.StatusAfterPatch(Facts(before: 2m, after: 10.5m, messageChanged: true), status, status));
    }

    [Fact]
    public void A_longer_body_that_stays_at_the_threshold_keeps_the_schedule()
    {
        Assert.Equal(BroadcastStatus.Scheduled,
            ApprovalRule.StatusAfterPatch(Facts(before: 2m, after: 10m, messageChanged: true), BroadcastStatus.Draft, BroadcastStatus.Scheduled));
    }

    [Fact]
    public void Any_body_or_from_change_after_an_approval_needs_approval_again_even_a_cheaper_one()
    {
        Assert.Equal(BroadcastStatus.PendingApproval,
            ApprovalRule.StatusAfterPatch(Facts(before: 20m, after: 2m, messageChanged: true, approved: true),
                BroadcastStatus.Scheduled, BroadcastStatus.Scheduled));
    }

    [Fact]
    public void A_name_or_schedule_change_after_an_approval_keeps_the_approval_though_the_estimate_is_above()
    {
        Assert.Equal(BroadcastStatus.Draft,
            ApprovalRule.StatusAfterPatch(Facts(before: 20m, after: 20m, approved: true), BroadcastStatus.Scheduled, BroadcastStatus.Draft));
    }

    [Fact]
    public void A_message_change_without_a_prior_approval_under_the_thresholds_keeps_the_schedule()
    {
        Assert.Equal(BroadcastStatus.Scheduled,
            ApprovalRule.StatusAfterPatch(Facts(before: 2m, after: 3m, messageChanged: true), BroadcastStatus.Scheduled, BroadcastStatus.Scheduled));
    }

    [Fact]
    public void A_pending_broadcast_stays_pending_whatever_changes()
    {
        Assert.Equal(BroadcastStatus.PendingApproval,
            ApprovalRule.StatusAfterPatch(Facts(before: 20m, after: 1m, messageChanged: true), BroadcastStatus.PendingApproval, BroadcastStatus.Draft));
    }

    [Fact]
    public void Without_thresholds_only_a_message_change_after_an_approval_needs_approval()
    {
        var none = new ApprovalThresholds(null, null);
        Assert.Equal(BroadcastStatus.Scheduled, ApprovalRule.StatusAfterPatch(
            Facts(before: 1m, after: 1000m, messageChanged: true, thresholds: none), BroadcastStatus.Scheduled, BroadcastStatus.Scheduled));
        Assert.Equal(BroadcastStatus.PendingApproval, ApprovalRule.StatusAfterPatch(
            Facts(before: 1m, after: 1m, messageChanged: true, approved: true, thresholds: none), BroadcastStatus.Scheduled, BroadcastStatus.Scheduled));
    }
}
