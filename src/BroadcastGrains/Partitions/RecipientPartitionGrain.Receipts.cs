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
        var tally = Ledger.Receipts(receipts, SecondsSinceCreated());
        metrics.MessagesCompleted(RecipientStatus.Delivered, tally.Delivered);
        metrics.MessagesCompleted(RecipientStatus.Expired, tally.Expired);
        metrics.MessagesCompleted(RecipientStatus.Failed, tally.Failed);
        // The pump reports and settles; make sure one runs (after a reactivation there may be none yet).
        EnsurePump();
        if (_currentPeriod > PumpSchedule.ReportEvery)
        {
            // A paced pump may sleep a minute until its next send; receipts must reach drSummary within seconds.
            _pump?.Change(PumpSchedule.ReportEvery, _currentPeriod);
        }
        // Durable before the answer: a failed write throws to the carrier, which sends the receipts again (SMPP resends
        // an unanswered deliver_sm; the HTTP callback answers 5xx). The changes stay noted, so the retry finds these
        // recipients final already and its own journal write carries them.
        await JournalAsync();
        return tally.Known;
    }
}
