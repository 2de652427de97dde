using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Receipts: each moves a sent recipient to its final status; anything else (a repeat, a late one) is ignored.
/// Answers how many named a recipient of this partition, so callers can count the rest as unmatched.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    public async Task<int> ApplyReceiptsAsync(ReceiptBatch receipts)
    {
        if (State.Slice is null)
        {
            // Not one of ours (a made-up or foreign id): nothing to keep this activation for.
            DeactivateOnIdle();
            return 0;
        }
        var known = 0;
        var now = SecondsSinceCreated();
        int delivered = 0, expired = 0, failed = 0;
        for (var k = 0; k < receipts.Indexes.Length; k++)
        {
            var index = receipts.Indexes[k];
            if ((uint)index >= (uint)State.Statuses.Length)
            {
                continue;
            }
            known++;
            if ((RecipientStatus)State.Statuses[index] != RecipientStatus.Sent)
            {
                continue;
            }
            switch (receipts.Outcomes[k])
            {
                case ReceiptOutcome.Delivered:
                    State.SetStatus(index, RecipientStatus.Delivered, now);
                    delivered++;
                    break;
                case ReceiptOutcome.Expired:
                    State.SetStatus(index, RecipientStatus.Expired, now);
                    expired++;
                    State.Errors[index] = (byte)RecipientError.Expired;
                    OweRefund(index);
                    break;
                default:
                    State.SetStatus(index, RecipientStatus.Failed, now);
                    failed++;
                    State.Errors[index] = (byte)RecipientError.Undelivered;
                    OweRefund(index);
                    break;
            }
            NoteMessageEvent(index);
        }
        metrics.MessagesCompleted(RecipientStatus.Delivered, delivered);
        metrics.MessagesCompleted(RecipientStatus.Expired, expired);
        metrics.MessagesCompleted(RecipientStatus.Failed, failed);
        // The pump reports and settles; make sure one runs (after a reactivation there may be none yet).
        EnsurePump();
        if (currentPeriod > ReportEvery)
        {
            // A paced pump may sleep a minute until its next send; receipts must reach drSummary within seconds.
            pump?.Change(ReportEvery, currentPeriod);
        }
        // Durable before the answer: a failed write throws to the carrier, which sends the receipts again (SMPP resends
        // an unanswered deliver_sm; the HTTP callback answers 5xx). The changes stay noted, so the retry finds these
        // recipients final already and its own journal write carries them.
        await JournalAsync();
        return known;
    }
}
