using BroadcastGrains.Carrier.Smpp.Link;
using BroadcastGrains.Carrier.Smpp.Protocol;
using BroadcastGrains.Carrier.Smpp.Text;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp.Receipts;

/// <summary>
/// Sorts the deliver_sm PDUs of every bind: receipts go to the <see cref="SmppReceiptPipeline"/>, mobile-originated
/// messages to the <see cref="IInboundMessageSink"/>. Each deliver_sm is answered once it has been handled; one that
/// cannot be read is answered with an error, as SMPP expects, and never breaks the bind.
/// </summary>
internal sealed partial class SmppDeliveries(
    SmppReceiptPipeline receipts, IInboundMessageSink? inbound, bool gsmPacked, TimeProvider time, ILogger logger)
{
    long _inbound;

    /// <summary>Inbound messages handed to the sink.</summary>
    public long InboundAccepted => Interlocked.Read(ref _inbound);

    /// <summary>Called by a connection's read loop: must not block it.</summary>
    public void OnDeliver(SmppConnection connection, PduHeader header, byte[] body)
    {
        void Ack(uint status) => connection.Send(Pdus.ResponseWithId(SmppCommand.DeliverSmResp, header.Sequence, status, ""));

        ShortMessagePdu pdu;
        try
        {
            pdu = ShortMessagePdu.Decode(body);
        }
        catch (SmppProtocolException e)
        {
            LogMalformed(e.Message);
            Ack(SmppStatus.InvalidCommandLength);
            return;
        }
        if (DeliveryReceipt.IsReceipt(pdu.EsmClass))
        {
            if (!DeliveryReceipt.TryRead(pdu, out var receipt))
            {
                LogUnreadableReceipt();
                Ack(SmppStatus.Ok);
            }
            else if (receipt.Outcome is { } outcome)
            {
                receipts.Accept(receipt, outcome, SmppAddress.ReceiptKey(pdu.Source, pdu.Destination), Ack);
            }
            else
            {
                Ack(SmppStatus.Ok); // an intermediate state (ENROUTE, ACCEPTD): the final receipt follows
            }
            return;
        }
        if ((pdu.EsmClass & DeliveryReceipt.MessageTypeMask) != 0)
        {
            Ack(SmppStatus.Ok); // other SME acknowledgements and notifications carry nothing for us
            return;
        }
        _ = AcceptInboundAsync(pdu, Ack);
    }

    async Task AcceptInboundAsync(ShortMessagePdu pdu, Action<uint> ack)
    {
        if (!SmppAddress.TryReadNumber(pdu.Source, out var from))
        {
            LogInboundNotFromNumber(pdu.SourceTon);
            ack(SmppStatus.Ok);
            return;
        }
        if (inbound is null)
        {
            LogInboundWithoutSink();
            ack(SmppStatus.Ok);
            return;
        }
        var to = pdu.DestinationTon == 1 && SmppAddress.TryReadNumber(pdu.Destination, out var number) ? "+" + number : pdu.Destination;
        var message = new InboundMessage(from, to, InboundText.Decode(pdu, gsmPacked), time.GetUtcNow());
        try
        {
            await inbound.AcceptAsync(message, CancellationToken.None);
            Interlocked.Increment(ref _inbound);
            ack(SmppStatus.Ok);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogInboundFailed(e);
            ack(SmppStatus.TemporaryAppError);
        }
    }

    [LoggerMessage(EventId = 140, Level = LogLevel.Warning, Message = "SMPP: a deliver_sm could not be read ({Reason})")]
    partial void LogMalformed(string reason);

    [LoggerMessage(EventId = 141, Level = LogLevel.Warning, Message = "SMPP: a delivery receipt named no message id or state; ignored")]
    partial void LogUnreadableReceipt();

    [LoggerMessage(EventId = 142, Level = LogLevel.Information,
        Message = "SMPP: an inbound message came from a non-numeric address (TON {Ton}); ignored")]
    partial void LogInboundNotFromNumber(byte ton);

    [LoggerMessage(EventId = 143, Level = LogLevel.Warning,
        Message = "SMPP: an inbound message arrived but no IInboundMessageSink is registered; dropped")]
    partial void LogInboundWithoutSink();

    [LoggerMessage(EventId = 144, Level = LogLevel.Warning,
        Message = "SMPP: the inbound message sink failed; the SMSC will deliver the message again")]
    partial void LogInboundFailed(Exception exception);
}
