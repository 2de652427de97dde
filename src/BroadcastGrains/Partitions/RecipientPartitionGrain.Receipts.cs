using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;

namespace BroadcastGrains.Partitions;

/// <summary>Receipts: each moves a sent recipient to its final status; anything else (a repeat, a late one) is ignored.</summary>
internal sealed partial class RecipientPartitionGrain
{
    public Task ApplyReceiptsAsync(ReceiptBatch receipts)
    {
        if (State.Slice is null)
        {
            return Task.CompletedTask;
        }
        var now = SecondsSinceCreated();
        for (var k = 0; k < receipts.Indexes.Length; k++)
        {
            var index = receipts.Indexes[k];
            if ((uint)index >= (uint)State.Statuses.Length || (RecipientStatus)State.Statuses[index] != RecipientStatus.Sent)
            {
                continue;
            }
            switch (receipts.Outcomes[k])
            {
                case ReceiptOutcome.Delivered:
                    State.SetStatus(index, RecipientStatus.Delivered, now);
                    break;
                case ReceiptOutcome.Expired:
                    State.SetStatus(index, RecipientStatus.Expired, now);
                    State.Errors[index] = (byte)RecipientError.Expired;
                    OweRefund(index);
                    break;
                default:
                    State.SetStatus(index, RecipientStatus.Failed, now);
                    State.Errors[index] = (byte)RecipientError.Undelivered;
                    OweRefund(index);
                    break;
            }
        }
        // The pump reports and settles; make sure one runs (after a reactivation there may be none yet).
        EnsurePump();
        return Task.CompletedTask;
    }
}
