using BroadcastGrains.Catalogue;
using BroadcastGrains.Inbound;
using BroadcastGrains.Webhooks;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Webhooks and replies: each status change raises its <c>broadcast.*</c> event (ids derived from the broadcast, status
/// and run, so a repeat — a resume, a reactivated grain — is the same event), a run that starts sending is remembered
/// for 7 days so replies find it, and replies count in <c>replyCount</c>.
/// </summary>
internal sealed partial class BroadcastGrain
{
    string? raisedFor;

    async Task RaiseStatusEventAsync()
    {
        var type = State.Status switch
        {
            BroadcastStatus.Scheduled => WebhookEventTypes.BroadcastScheduled,
            BroadcastStatus.Sending => WebhookEventTypes.BroadcastSendStarted,
            BroadcastStatus.Completed => WebhookEventTypes.BroadcastSendCompleted,
            BroadcastStatus.Cancelled => WebhookEventTypes.BroadcastCancelled,
            BroadcastStatus.Failed => WebhookEventTypes.BroadcastFailed,
            _ => null,
        };
        var marker = $"{type}/{State.RunCount}";
        if (type is null || marker == raisedFor)
        {
            return;
        }
        try
        {
            var now = time.GetUtcNow();
            if (State.Status == BroadcastStatus.Sending && State.LatestRun is { } run)
            {
                await GrainFactory.GetGrain<IRecentBroadcastsGrain>(State.ClientId!)
                    .RecordAsync(Id, run.Run, State.PartitionCount, run.StartedAt ?? now, SenderNameKeys.Of(State.Definition!.From));
            }
            var id = WebhookEventIds.Of(Id, type, State.RunCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await GrainFactory.GetGrain<IWebhookOutboxGrain>(State.ClientId!).EnqueueAsync([new WebhookEvent(id, type, now, Broadcast: View())]);
            raisedFor = marker;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next save raises it again (same id); the broadcast itself must not fail for a webhook.
            Log.EventFailed(logger, Id, type, e);
        }
    }

    public Task AddReplyAsync()
    {
        if (State.Exists)
        {
            State.ReplyCount++;
            dirty = true;
            EnsureFlushTimer();
        }
        return Task.CompletedTask;
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: raising {EventType} failed; will retry at the next change")]
        public static partial void EventFailed(ILogger logger, string broadcastId, string eventType, Exception exception);
    }
}
