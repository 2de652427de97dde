using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Routing;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Partitions;

/// <summary>
/// The slice as an aggregate: every move of a recipient from one status to another, with what it owes the wallet and
/// why (its error). A message is charged when the carrier accepts it (<see cref="PartitionState.Uncaptured"/>) and owed
/// back by <see cref="RefundRule"/> when it then ends undelivered (<see cref="PartitionState.Unrefunded"/>); nothing
/// else moves money. Only pending recipients are sent, and a recipient leaves <c>sent</c> once (a repeated or late
/// receipt changes nothing), so nothing is charged or refunded twice. Works over the state's columns, so a step over
/// 20,000 recipients makes no object for any of them; times are seconds since the slice was created.
/// </summary>
internal sealed class SliceLedger(PartitionState state, bool refundFailed, FinalNotes finals)
{
    /// <summary>Moves up to <paramref name="size"/> pending recipients from the cursor on to <c>queued</c>, into <paramref name="into"/>.</summary>
    public void QueueNext(int size, List<int> into, int now)
    {
        var statuses = state.Statuses;
        var i = state.Cursor;
        for (; i < statuses.Length && into.Count < size; i++)
        {
            if ((RecipientStatus)statuses[i] == RecipientStatus.Pending)
            {
                into.Add(i);
                state.SetStatus(i, RecipientStatus.Queued, now);
            }
        }
        state.Cursor = i;
    }

    /// <summary>
    /// The carrier's answers to a batch: accepted is sent and charged, rejected is blocked for good (never charged),
    /// anything else goes back to pending to be sent again.
    /// </summary>
    public OutcomeTally Submitted(ReadOnlySpan<int> indexes, ReadOnlySpan<SubmitResult> results, int now)
    {
        var tally = new OutcomeTally();
        for (var k = 0; k < indexes.Length; k++)
        {
            var index = indexes[k];
            switch (results[k].Status)
            {
                case SubmitStatus.Accepted:
                    state.SetStatus(index, RecipientStatus.Sent, now);
                    tally.Accepted++;
                    state.Uncaptured += state.CostOf(index);
                    if (results[k].CarrierMessageId is { } carrierId)
                    {
                        (state.CarrierIds ??= [])[index] = carrierId;
                    }
                    break;
                case SubmitStatus.Rejected:
                    End(index, RecipientStatus.Blocked, RefusalOf(results[k].Error), now);
                    tally.Blocked++;
                    break;
                default:
                    state.SetStatus(index, RecipientStatus.Pending, now);
                    tally.Deferred++;
                    state.Cursor = Math.Min(state.Cursor, index);
                    break;
            }
        }
        return tally;
    }

    /// <summary>Receipts end <c>sent</c> recipients; <see cref="OutcomeTally.Known"/> counts those naming one of the slice.</summary>
    public OutcomeTally Receipts(ReceiptBatch receipts, int now)
    {
        var tally = new OutcomeTally();
        for (var k = 0; k < receipts.Indexes.Length; k++)
        {
            var index = receipts.Indexes[k];
            if ((uint)index >= (uint)state.Statuses.Length)
            {
                continue;
            }
            tally.Known++;
            if ((RecipientStatus)state.Statuses[index] != RecipientStatus.Sent)
            {
                continue;
            }
            switch (receipts.Outcomes[k])
            {
                case ReceiptOutcome.Delivered:
                    End(index, RecipientStatus.Delivered, RecipientError.None, now);
                    tally.Delivered++;
                    break;
                case ReceiptOutcome.Expired:
                    End(index, RecipientStatus.Expired, RecipientError.Expired, now);
                    tally.Expired++;
                    break;
                default:
                    End(index, RecipientStatus.Failed, RecipientError.Undelivered, now);
                    tally.Failed++;
                    break;
            }
        }
        return tally;
    }

    /// <summary>
    /// Ends what can no longer be delivered: past the validity an unsent message expires free and a sent one expires
    /// (refundable); a sent one last changed at or before <paramref name="receiptDeadline"/> times out.
    /// </summary>
    public OutcomeTally Timeouts(bool pastValidity, int receiptDeadline, int now)
    {
        var tally = new OutcomeTally();
        for (var i = 0; i < state.Statuses.Length; i++)
        {
            var status = (RecipientStatus)state.Statuses[i];
            if (pastValidity && status is RecipientStatus.Pending or RecipientStatus.Sent)
            {
                var error = status == RecipientStatus.Sent ? RecipientError.Expired : RecipientError.ExpiredUnsent;
                End(i, RecipientStatus.Expired, error, now);
                tally.Expired++;
            }
            else if (status == RecipientStatus.Sent && state.UpdatedAt[i] <= receiptDeadline)
            {
                End(i, RecipientStatus.Timeout, RecipientError.NoReceipt, now);
                tally.TimedOut++;
            }
        }
        return tally;
    }

    /// <summary>Cancels every recipient not yet handed to the carrier; what the carrier has keeps its course.</summary>
    public int Cancel(int now)
    {
        var cancelled = 0;
        for (var i = 0; i < state.Statuses.Length; i++)
        {
            if ((RecipientStatus)state.Statuses[i] is RecipientStatus.Pending or RecipientStatus.Queued)
            {
                state.SetStatus(i, RecipientStatus.Cancelled, now);
                cancelled++;
            }
        }
        return cancelled;
    }

    /// <summary>Moves the recipients at <paramref name="indexes"/> that are still pending to <c>opted_out</c> (never charged).</summary>
    public void OptOut(IEnumerable<int> indexes, int now)
    {
        foreach (var index in indexes)
        {
            if ((RecipientStatus)state.Statuses[index] == RecipientStatus.Pending)
            {
                state.SetStatus(index, RecipientStatus.OptedOut, now);
            }
        }
    }

    /// <summary>A batch the carrier never took (interrupted, or its intent not journaled): back to pending, sent once later.</summary>
    public void Requeue(int now)
    {
        for (var i = 0; i < state.Statuses.Length; i++)
        {
            if ((RecipientStatus)state.Statuses[i] == RecipientStatus.Queued)
            {
                state.SetStatus(i, RecipientStatus.Pending, now);
                state.Cursor = Math.Min(state.Cursor, i);
            }
        }
    }

    /// <summary>
    /// After a crash, recipients journaled as queued but with no outcome: the carrier may have them, so they are never
    /// submitted again but count as sent and charged; a receipt still ends them, or they time out (refundable).
    /// </summary>
    public int SettleInDoubt(int now)
    {
        var count = 0;
        for (var i = 0; i < state.Statuses.Length; i++)
        {
            if ((RecipientStatus)state.Statuses[i] == RecipientStatus.Queued)
            {
                state.SetStatus(i, RecipientStatus.Sent, now);
                state.Uncaptured += state.CostOf(i);
                count++;
            }
        }
        return count;
    }

    /// <summary>Why a refused message is blocked: the router's own refusals keep their reason, the rest are the carrier's.</summary>
    static RecipientError RefusalOf(string? error) => error switch
    {
        RoutedSubmit.NoRoute => RecipientError.NoRoute,
        RoutedSubmit.MmsNotSupported => RecipientError.MmsNotSupported,
        _ => RecipientError.CarrierRejected,
    };

    /// <summary>A recipient reaches a final status: it keeps the reason, owes back what the refund rule says, and raises its event.</summary>
    void End(int index, RecipientStatus outcome, RecipientError reason, int now)
    {
        var wasCharged = (RecipientStatus)state.Statuses[index] == RecipientStatus.Sent;
        state.SetStatus(index, outcome, now);
        if (reason != RecipientError.None)
        {
            state.Errors[index] = (byte)reason;
        }
        if (wasCharged && RefundRule.Refunds(outcome, refundFailed))
        {
            state.Unrefunded += state.CostOf(index);
        }
        finals.Note(index);
    }
}
