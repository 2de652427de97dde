using BroadcastGrains.Catalogue;
using BroadcastGrains.Inbound;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Webhooks and replies: each status change raises the event <see cref="StatusEvents"/> says it owes, a run that
/// starts sending is remembered for 7 days so replies find it, and replies count in <c>replyCount</c>.
/// </summary>
internal sealed partial class BroadcastGrain
{
    string? _raisedFor;

    async Task RaiseStatusEventAsync()
    {
        if (StatusEvents.Owed(Id, State, _raisedFor) is not { } owed)
        {
            return;
        }
        try
        {
            var now = time.GetUtcNow();
            if (State.Status == BroadcastStatus.Sending && State.LatestRun is { } run)
            {
                await GrainFactory.GetGrain<IRecentBroadcastsGrain>(State.ClientId!)
                    .RecordAsync(Id, run.Run, run.Partitions.Length, run.StartedAt ?? now, SenderNameKeys.Of(State.Definition!.From));
            }
            await GrainFactory.GetGrain<IWebhookOutboxGrain>(State.ClientId!).EnqueueAsync([new WebhookEvent(owed.Id, owed.Type, now, Broadcast: View())]);
            _raisedFor = owed.Marker;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next save raises it again (same id); the broadcast itself must not fail for a webhook.
            BroadcastLog.EventFailed(logger, Id, owed.Type, e);
        }
    }

    public Task AddReplyAsync()
    {
        if (State.Exists)
        {
            State.ReplyCount++;
            _dirty = true;
            EnsureFlushTimer();
        }
        return Task.CompletedTask;
    }
}
