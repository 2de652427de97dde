using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Catalogue;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Webhooks;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Inbound;

/// <summary>
/// Handles what handsets send back, from the HTTP callback or a carrier link: the message belongs to every client that
/// owns the sender it was sent to; a STOP keyword opts the number out of that client, START opts it back in, and
/// anything else is a reply, counted on the newest broadcast of the last 7 days that sent to the number and raised as
/// <c>message.inbound</c>. Logs never carry the number or the text.
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
        var clients = await grains.GetGrain<ISenderDirectoryGrain>(SenderNameKeys.Of(message.To)).GetClientsAsync();
        var intent = InboundKeywords.Classify(message.Text);
        var replies = await Task.WhenAll(clients.Select(client => HandleAsync(client, intent, message)));
        Log.Routed(logger, intent.ToString(), clients.Count);
        var kind = intent switch
        {
            InboundIntent.OptOut => "opt_out",
            InboundIntent.OptIn => "opt_in",
            _ => "reply",
        };
        return new InboundOutcome(kind, clients.Count, replies.Count(r => r));
    }

    /// <summary>True when a reply was counted on a broadcast.</summary>
    async Task<bool> HandleAsync(string clientId, InboundIntent intent, InboundMessage message)
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
        var broadcastId = await grains.GetGrain<IRecentBroadcastsGrain>(clientId).FindAsync(message.From);
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
        [LoggerMessage(Level = LogLevel.Information, Message = "Inbound message ({Intent}) routed to {Clients} clients")]
        public static partial void Routed(ILogger logger, string intent, int clients);
    }
}

/// <summary>What an inbound message was (<c>opt_out</c>, <c>opt_in</c>, <c>reply</c>), how many clients own its sender, and on how many broadcasts it counted.</summary>
public sealed record InboundOutcome(string Kind, int Clients, int CountedReplies);
