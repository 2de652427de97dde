using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Partitions;

/// <summary>
/// <c>message.delivered</c> / <c>message.failed</c>: receipts note their recipients, and the pump hands them to the
/// client's outbox in batches — only when the client subscribed to them (they can number millions per broadcast).
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    const int EventsPerCall = 1000;

    List<int>? receiptFinals;
    bool? wantsMessageEvents;

    void NoteMessageEvent(int index)
    {
        if (wantsMessageEvents != false)
        {
            (receiptFinals ??= []).Add(index);
        }
    }

    async Task RaiseMessageEventsAsync()
    {
        if (receiptFinals is not { Count: > 0 } indexes)
        {
            return;
        }
        if (wantsMessageEvents is null)
        {
            var profile = await GrainFactory.GetGrain<IClientGrain>(Slice.ClientId).GetAsync();
            wantsMessageEvents = profile?.WebhookUrl is not null
                && (WebhookEventTypes.IsSubscribed(profile.WebhookEvents, WebhookEventTypes.MessageDelivered)
                    || WebhookEventTypes.IsSubscribed(profile.WebhookEvents, WebhookEventTypes.MessageFailed));
        }
        receiptFinals = null;
        if (wantsMessageEvents != true)
        {
            return;
        }
        var outbox = GrainFactory.GetGrain<IWebhookOutboxGrain>(Slice.ClientId);
        var at = time.GetUtcNow();
        foreach (var chunk in indexes.Chunk(EventsPerCall))
        {
            var events = chunk.Select(index =>
            {
                var status = (RecipientStatus)State.Statuses[index];
                var type = status == RecipientStatus.Delivered ? WebhookEventTypes.MessageDelivered : WebhookEventTypes.MessageFailed;
                var to = PhoneNumberClassifier.Format(Slice.Numbers[index]);
                return new WebhookEvent(WebhookEventIds.Of(Key, index.ToString(System.Globalization.CultureInfo.InvariantCulture), type), type, at,
                    Message: new MessageEventData(Slice.BroadcastId, to, status.ToApiName(), ((RecipientError)State.Errors[index]).ToApiText()));
            }).ToList();
            await outbox.EnqueueAsync(events);
        }
    }
}
