using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

public sealed class SentReconciliationTests
{
    [Fact]
    public void A_sent_message_is_due_once_after_it_waited_the_age_and_never_again()
    {
        var state = Slices.Planned(4);
        state.SetStatus(0, RecipientStatus.Sent, 10);
        state.SetStatus(1, RecipientStatus.Sent, 12);
        state.SetStatus(2, RecipientStatus.Delivered, 10);
        var rule = new SentReconciliation();

        var (early, _) = rule.Due(state, 10 + SentReconciliation.AgeSeconds);
        Assert.Empty(early);

        var (due, cutoff) = rule.Due(state, 11 + SentReconciliation.AgeSeconds);
        Assert.Equal([0], due);
        rule.Done(cutoff);
        var (later, laterCutoff) = rule.Due(state, 13 + SentReconciliation.AgeSeconds);
        Assert.Equal([1], later);
        rule.Done(laterCutoff);
        Assert.Empty(rule.Due(state, 100).Due);
    }

    [Fact]
    public void After_a_resume_every_sent_message_is_due_at_once_however_recent()
    {
        var state = Slices.Planned(3);
        state.SetStatus(0, RecipientStatus.Sent, 5);
        state.SetStatus(1, RecipientStatus.Sent, 20);
        var rule = new SentReconciliation();
        rule.TakeEverything();

        var (due, cutoff) = rule.Due(state, 20);
        Assert.Equal([0, 1], due);
        rule.Done(cutoff);
        Assert.Empty(rule.Due(state, 20 + SentReconciliation.AgeSeconds).Due);
    }

    [Fact]
    public void A_pass_that_could_not_register_leaves_its_messages_due()
    {
        var state = Slices.Planned(1);
        state.SetStatus(0, RecipientStatus.Sent, 0);
        var rule = new SentReconciliation();

        Assert.Equal([0], rule.Due(state, 10).Due);
        // No Done: the carrier could not be reached.
        Assert.Equal([0], rule.Due(state, 11).Due);
    }
}
