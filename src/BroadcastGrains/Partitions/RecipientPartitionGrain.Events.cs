using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Partitions;

/// <summary>
/// <c>message.delivered</c> / <c>message.failed</c>: whatever gives a recipient a final status that raises one
/// (<see cref="MessageEventTypes"/>) notes it — a receipt, a refusal at submit, the validity or receipt window passing,
/// no route at prepare — and the pump hands them to the client's outbox in batches, only when the client subscribed to
/// them (they can number millions per broadcast). Event ids come from the recipient, so the outbox keeps one of each.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    const int EventsPerCall = 1000;

    readonly FinalNotes _finals = new();

    async Task RaiseMessageEventsAsync()
    {
        if (!_finals.Any)
        {
            return;
        }
        if (_finals.Wanted is null)
        {
            var profile = await GrainFactory.GetGrain<IClientGrain>(Slice.ClientId).GetAsync();
            _finals.Wanted = profile?.WebhookUrl is not null
                && (WebhookEventTypes.IsSubscribed(profile.WebhookEvents, WebhookEventTypes.MessageDelivered)
                    || WebhookEventTypes.IsSubscribed(profile.WebhookEvents, WebhookEventTypes.MessageFailed));
        }
        var indexes = _finals.Take();
        if (_finals.Wanted != true)
        {
            return;
        }
        var outbox = GrainFactory.GetGrain<IWebhookOutboxGrain>(Slice.ClientId);
        var at = time.GetUtcNow();
        var raising = indexes.Where(index => MessageEventTypes.For((RecipientStatus)State.Statuses[index]) is not null);
        foreach (var chunk in raising.Chunk(EventsPerCall))
        {
            var events = chunk.Select(index =>
            {
                var status = (RecipientStatus)State.Statuses[index];
                var type = MessageEventTypes.For(status)!;
                var to = PhoneNumberClassifier.Format(Slice.Numbers[index]);
                return new WebhookEvent(WebhookEventIds.Of(Key, index.ToString(System.Globalization.CultureInfo.InvariantCulture), type), type, at,
                    Message: new MessageEventData(Slice.BroadcastId, to, status.ToApiName(), ((RecipientError)State.Errors[index]).ToApiText()));
            }).ToList();
            await outbox.EnqueueAsync(events);
        }
    }
}
