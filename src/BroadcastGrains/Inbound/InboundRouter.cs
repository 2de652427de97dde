using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Catalogue;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Webhooks;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Inbound;

/// <summary>
/// Handles what handsets send back, from the HTTP callback or a carrier link. A message to a sender name belongs to the
/// clients that sent to that number from that name in the last 7 days; when none did, to the clients holding the name
/// approved; never to a client whose registration of the name is pending or rejected, so nobody learns another
/// client's replies or opt-outs by registering its name (<see cref="InboundOwners"/>). A STOP keyword opts the number
/// out of each owner, START opts it back in, and anything else is a reply, counted on the broadcast it answers and
/// raised as <c>message.inbound</c>. Logs never carry the number or the text.
/// </summary>
public sealed partial class InboundRouter(IGrainFactory grains, ILogger<InboundRouter> logger) : IInboundMessageSink
{
    /// <inheritdoc />
    public async Task AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await RouteAsync(message);
    }

    /// <summary>Handles one message; answers how many clients it reached and what it was.</summary>
    public async Task<InboundOutcome> RouteAsync(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var senderKey = SenderNameKeys.Of(message.To);
        // Registrants of the name and whoever sent from it this week (users of a shared name register nothing): each is
        // asked about its own recent runs and its own review, so sending from a shared name gives no claim on its replies.
        var registrants = await grains.GetGrain<ISenderDirectoryGrain>(senderKey).GetClientsAsync();
        var answered = await Task.WhenAll(registrants.Select(async client =>
            (Client: client, BroadcastId: await grains.GetGrain<IRecentBroadcastsGrain>(client).FindAsync(message.From, senderKey))));
        var owners = InboundOwners.Of(answered.Where(a => a.BroadcastId is not null).Select(a => (a.Client, a.BroadcastId!)).ToList(),
            await ApprovedAsync(registrants, message.To));
        var intent = InboundKeywords.Classify(message.Text);
        var replies = await Task.WhenAll(owners.Select(owner => HandleAsync(owner.ClientId, owner.BroadcastId, intent, message)));
        Log.Routed(logger, intent.ToString(), owners.Count, registrants.Count);
        var kind = intent switch
        {
            InboundIntent.OptOut => "opt_out",
            InboundIntent.OptIn => "opt_in",
            _ => "reply",
        };
        return new InboundOutcome(kind, owners.Count, replies.Count(r => r));
    }

    async Task<IReadOnlyList<string>> ApprovedAsync(IReadOnlyList<string> registrants, string senderName)
    {
        var senders = await Task.WhenAll(registrants.Select(client => grains.GetGrain<ISendersGrain>(client).FindAsync(senderName)));
        return registrants.Where((_, k) => senders[k]?.Status == ApprovalStatus.Approved).ToList();
    }

    /// <summary>True when a reply was counted on a broadcast.</summary>
    async Task<bool> HandleAsync(string clientId, string? broadcastId, InboundIntent intent, InboundMessage message)
    {
        var optOuts = grains.GetGrain<IOptOutGrain>(clientId);
        switch (intent)
        {
            case InboundIntent.OptOut:
                await optOuts.AddAsync(message.From, OptOutSource.Inbound);
                return false;
            case InboundIntent.OptIn:
                await optOuts.RemoveAsync(message.From);
                return false;
        }
        if (broadcastId is not null)
        {
            await grains.GetGrain<IBroadcastProgressGrain>(broadcastId).AddReplyAsync();
        }
        var from = PhoneNumberClassifier.Format(message.From);
        var id = WebhookEventIds.Of(clientId, WebhookEventTypes.MessageInbound, from, message.To, message.Text,
            message.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        await grains.GetGrain<IWebhookOutboxGrain>(clientId).EnqueueAsync(
        [
            new WebhookEvent(id, WebhookEventTypes.MessageInbound, message.At,
                Message: new MessageEventData(broadcastId, from, "received", null, message.Text)),
        ]);
        return broadcastId is not null;
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Inbound message ({Intent}) routed to {Clients} of the sender name's {Registrants} registrants")]
        public static partial void Routed(ILogger logger, string intent, int clients, int registrants);
    }
}

/// <summary>What an inbound message was (<c>opt_out</c>, <c>opt_in</c>, <c>reply</c>), how many clients own its sender, and on how many broadcasts it counted.</summary>
public sealed record InboundOutcome(string Kind, int Clients, int CountedReplies);
