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
        try
        {
            // Durable before the answer: a carrier that resends unanswered receipts (SMPP) then never loses one.
            await JournalAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The changes stay noted and go with the next entry; only a crash before then loses these receipts.
            Log.JournalFailed(logger, Key, e);
        }
        return known;
    }
}
