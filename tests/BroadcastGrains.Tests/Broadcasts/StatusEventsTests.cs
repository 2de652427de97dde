using BroadcastGrains.Broadcasts;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>The webhook a status change owes: one per status and run, the same id however often it is raised.</summary>
public sealed class StatusEventsTests
{
    [Theory]
    [InlineData(BroadcastStatus.Scheduled, WebhookEventTypes.BroadcastScheduled)]
    [InlineData(BroadcastStatus.Sending, WebhookEventTypes.BroadcastSendStarted)]
    [InlineData(BroadcastStatus.Completed, WebhookEventTypes.BroadcastSendCompleted)]
    [InlineData(BroadcastStatus.Cancelled, WebhookEventTypes.BroadcastCancelled)]
    [InlineData(BroadcastStatus.Failed, WebhookEventTypes.BroadcastFailed)]
    [InlineData(BroadcastStatus.Paused, null)]
    [InlineData(BroadcastStatus.PendingApproval, null)]
    public void Each_status_raises_its_event_or_none(BroadcastStatus status, string? type) =>
        Assert.Equal(type, StatusEvents.TypeOf(status));

    [Fact]
    public void An_event_raised_once_is_not_owed_again_until_the_next_run()
    {
        var state = States.Of(BroadcastStatus.Sending);
        state.Runs.Add(States.Run(1, BroadcastStatus.Sending));

        var first = StatusEvents.Owed("b-1", state, raised: null);
        Assert.NotNull(first);
        Assert.Equal(WebhookEventTypes.BroadcastSendStarted, first.Type);
        Assert.Null(StatusEvents.Owed("b-1", state, raised: first.Marker));

        state.Runs.Add(States.Run(2, BroadcastStatus.Sending));
        var second = StatusEvents.Owed("b-1", state, raised: first.Marker);
        Assert.NotNull(second);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void A_repeat_in_another_activation_has_the_same_id()
    {
        var state = States.Of(BroadcastStatus.Cancelled);

        Assert.Equal(StatusEvents.Owed("b-1", state, null)!.Id, StatusEvents.Owed("b-1", state, null)!.Id);
        Assert.NotEqual(StatusEvents.Owed("b-1", state, null)!.Id, StatusEvents.Owed("b-2", state, null)!.Id);
    }

    [Fact]
    public void A_status_without_an_event_owes_nothing() =>
        Assert.Null(StatusEvents.Owed("b-1", States.Of(BroadcastStatus.Paused), raised: null));
}
