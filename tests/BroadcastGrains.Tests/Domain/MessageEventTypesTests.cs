using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Domain;

/// <summary>API.md "Webhooks": which final statuses raise <c>message.delivered</c> or <c>message.failed</c>.</summary>
public sealed class MessageEventTypesTests
{
    [Theory]
    [InlineData(RecipientStatus.Delivered, "message.delivered")]
    [InlineData(RecipientStatus.Failed, "message.failed")]
    [InlineData(RecipientStatus.Expired, "message.failed")]
    [InlineData(RecipientStatus.Timeout, "message.failed")]
    [InlineData(RecipientStatus.Blocked, "message.failed")]
    [InlineData(RecipientStatus.Invalid, null)]
    [InlineData(RecipientStatus.OptedOut, null)]
    [InlineData(RecipientStatus.Cancelled, null)]
    [InlineData(RecipientStatus.Pending, null)]
    [InlineData(RecipientStatus.Queued, null)]
    [InlineData(RecipientStatus.Sent, null)]
    public void Every_final_status_but_delivered_invalid_opted_out_and_cancelled_raises_message_failed(RecipientStatus status, string? type) =>
        Assert.Equal(type, MessageEventTypes.For(status));
}
