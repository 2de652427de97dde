using System.Globalization;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Which <c>broadcast.*</c> webhook a status change raises. The event id comes from the broadcast, the type and the run
/// count, so a repeat (a resume, a reactivated grain, a retried save) is the same event and receivers drop it.
/// </summary>
internal static class StatusEvents
{
    /// <summary>The event a broadcast in <paramref name="status"/> raises; null for statuses that raise none (draft, paused…).</summary>
    public static string? TypeOf(BroadcastStatus status) => status switch
    {
        BroadcastStatus.Scheduled => WebhookEventTypes.BroadcastScheduled,
        BroadcastStatus.Sending => WebhookEventTypes.BroadcastSendStarted,
        BroadcastStatus.Completed => WebhookEventTypes.BroadcastSendCompleted,
        BroadcastStatus.Cancelled => WebhookEventTypes.BroadcastCancelled,
        BroadcastStatus.Failed => WebhookEventTypes.BroadcastFailed,
        _ => null,
    };

    /// <summary>
    /// The event the state owes, or null when its status raises none or <paramref name="raised"/> (the marker of the
    /// last one this activation raised) is already it.
    /// </summary>
    public static OwedEvent? Owed(string broadcastId, BroadcastState state, string? raised)
    {
        if (TypeOf(state.Status) is not { } type)
        {
            return null;
        }
        var run = state.RunCount.ToString(CultureInfo.InvariantCulture);
        var marker = $"{type}/{run}";
        return marker == raised ? null : new OwedEvent(type, WebhookEventIds.Of(broadcastId, type, run), marker);
    }
}
