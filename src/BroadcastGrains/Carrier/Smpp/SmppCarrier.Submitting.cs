using BroadcastGrains.Carrier.Smpp.Link;
using BroadcastGrains.Carrier.Smpp.Protocol;
using BroadcastGrains.Carrier.Smpp.Text;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// Submitting a batch: every message goes out concurrently, limited by the binds' windows; a long message's parts go
/// one after another. The rule for a message is decided by its first part: throttled or never written → RetryLater
/// (the SMSC has nothing of it); refused → Rejected; accepted, or written without an answer → the message is committed,
/// its other parts are pushed through (waiting out throttling), and it is never handed back for a resubmit.
/// </summary>
public sealed partial class SmppCarrier
{
    // How long the later parts of a committed long message keep trying before they count as failed.
    static readonly TimeSpan PartPatience = TimeSpan.FromSeconds(30);
    static readonly TimeSpan PartRetryPause = TimeSpan.FromMilliseconds(100);
    const byte RegisteredDelivery = 0x01;

    /// <inheritdoc />
    public async ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, batch.Count, nameof(results));
        Start();
        var source = SmppAddress.OfSender(batch.From);
        var messages = new Task<MessageSubmission>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var encoded = MessageSplitter.Split(batch.Bodies[i], NextReference(), _options.GsmPacked);
            if (encoded.Parts.Length != batch.Segments[i])
            {
                LogSegmentMismatch(batch.PartitionKey, batch.Indexes[i], batch.Segments[i], encoded.Parts.Length);
            }
            messages[i] = SubmitMessageAsync(source, SmppAddress.OfNumber(batch.Numbers[i]), encoded, cancellationToken);
        }
        var outcomes = await Task.WhenAll(messages);
        var span = results.Span;
        for (var i = 0; i < batch.Count; i++)
        {
            span[i] = outcomes[i].Result;
        }
        try
        {
            await RegisterAsync(batch, source, outcomes);
        }
        catch (Exception e)
        {
            // Never throw once the SMSC has taken messages: the partition would put the whole batch back and send it
            // again. Unregistered ids only cost their receipts (the receipt window times those recipients out).
            LogRegisterFailed(e, batch.PartitionKey, batch.Count);
        }
    }

    async Task<MessageSubmission> SubmitMessageAsync(SmppAddress source, SmppAddress destination, EncodedMessage message,
        CancellationToken cancellationToken)
    {
        var parts = message.Parts.Length;
        var ids = new string?[parts];
        var fates = new PartFate[parts];
        SubmitOutcome first;
        try
        {
            first = await _pool.SubmitAsync(Pdu(source, destination, message, 0), cancellationToken);
        }
        catch (ArgumentException e)
        {
            // A field the PDU cannot hold (found while encoding, before anything was written): it never will.
            LogUnencodable(e.Message);
            return MessageSubmission.Rejected("unencodable");
        }
        switch (first.Fate)
        {
            case SubmitFate.Throttled or SubmitFate.NotSent:
                return MessageSubmission.Retry(first.Fate == SubmitFate.Throttled ? SmppStatus.Name(first.Status) : "not sent");
            case SubmitFate.Rejected:
                return MessageSubmission.Rejected(SmppStatus.Name(first.Status));
        }
        Record(first, 0, ids, fates);
        for (var part = 1; part < parts; part++)
        {
            var giveUpAt = _time.GetUtcNow() + PartPatience;
            while (true)
            {
                // Committed: the first part may be on a handset already, so the rest go even if the partition stops.
                var outcome = await SubmitCommittedPartAsync(Pdu(source, destination, message, part));
                if (outcome.Fate is SubmitFate.Accepted or SubmitFate.Unconfirmed or SubmitFate.Rejected
                    || _time.GetUtcNow() >= giveUpAt)
                {
                    Record(outcome, part, ids, fates);
                    break;
                }
                await Task.Delay(PartRetryPause, _time, CancellationToken.None);
            }
        }
        return MessageSubmission.Committed(ids, fates);
    }

    async Task<SubmitOutcome> SubmitCommittedPartAsync(ShortMessagePdu part)
    {
        try
        {
            return await _pool.SubmitAsync(part, CancellationToken.None);
        }
        catch (ArgumentException e)
        {
            // Never thrown past here: an exception would make the partition send the whole batch again.
            LogUnencodable(e.Message);
            return new SubmitOutcome(SubmitFate.Rejected, null, SmppStatus.Ok);
        }
    }

    void Record(SubmitOutcome outcome, int part, string?[] ids, PartFate[] fates)
    {
        ids[part] = outcome.MessageId;
        fates[part] = outcome.Fate switch
        {
            SubmitFate.Accepted => PartFate.Accepted,
            SubmitFate.Unconfirmed => PartFate.Unconfirmed,
            _ => PartFate.Failed,
        };
        if (outcome.Fate == SubmitFate.Accepted)
        {
            Interlocked.Increment(ref _submits);
        }
    }

    static ShortMessagePdu Pdu(SmppAddress source, SmppAddress destination, EncodedMessage message, int part) => new()
    {
        SourceTon = source.Ton,
        SourceNpi = source.Npi,
        Source = source.Address,
        DestinationTon = destination.Ton,
        DestinationNpi = destination.Npi,
        Destination = destination.Address,
        EsmClass = message.EsmClass,
        RegisteredDelivery = RegisteredDelivery,
        DataCoding = message.DataCoding,
        ShortMessage = message.Parts[part],
    };
}
