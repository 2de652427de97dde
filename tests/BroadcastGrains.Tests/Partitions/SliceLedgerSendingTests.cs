using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>
/// A slice's sending rules without Orleans: batches come from pending recipients in order; what the carrier accepts is
/// charged, what it refuses is blocked and free, what it defers is sent again; a cancel or a requeue never touches
/// what the carrier already has.
/// </summary>
public sealed class SliceLedgerSendingTests
{
    readonly PartitionState _state = Slices.Planned(5);
    readonly FinalNotes _finals = new();

    SliceLedger Ledger => new(_state, refundFailed: true, _finals);

    List<int> Queue(int size)
    {
        var batch = new List<int>();
        Ledger.QueueNext(size, batch, now: 1);
        return batch;
    }

    [Fact]
    public void A_batch_takes_pending_recipients_in_order_from_the_cursor()
    {
        Assert.Equal([0, 1], Queue(2));
        Assert.Equal([2, 3], Queue(2));
        Assert.Equal(4, _state.Counts[(int)RecipientStatus.Queued]);
        Assert.Equal(4, _state.Cursor);
        Assert.Equal([4], Queue(2));
        Assert.Empty(Queue(2));
    }

    [Fact]
    public void Accepted_is_charged_rejected_is_blocked_for_free_and_deferred_goes_back_to_pending()
    {
        var batch = Queue(3);
        SubmitResult[] results = [new(SubmitStatus.Accepted, "smsc-7", null), new(SubmitStatus.Rejected, null, "barred"),
            new(SubmitStatus.RetryLater, null, null)];

        var tally = Ledger.Submitted(batch.ToArray(), results, now: 2);

        Assert.Equal((1, 1, 1), (tally.Accepted, tally.Blocked, tally.Deferred));
        Assert.Equal([RecipientStatus.Sent, RecipientStatus.Blocked, RecipientStatus.Pending],
            _state.Statuses.Take(3).Select(s => (RecipientStatus)s));
        Assert.Equal(Slices.Price, _state.Uncaptured);
        Assert.Equal("smsc-7", _state.CarrierIds![0]);
        Assert.Equal((byte)RecipientError.CarrierRejected, _state.Errors[1]);
        Assert.Equal(2, _state.Cursor);
        Assert.Equal([1], _finals.Take());
    }

    [Fact]
    public void A_requeue_returns_only_queued_recipients_and_rewinds_the_cursor()
    {
        var batch = Queue(2);
        Ledger.Submitted(batch.Take(1).ToArray(), [new(SubmitStatus.Accepted, null, null)], now: 2);
        Queue(2);

        Ledger.Requeue(now: 3);

        Assert.Equal(RecipientStatus.Sent, (RecipientStatus)_state.Statuses[0]);
        Assert.Equal(4, _state.Counts[(int)RecipientStatus.Pending]);
        Assert.Equal(1, _state.Cursor);
        Assert.Equal(Slices.Price, _state.Uncaptured);
    }

    [Fact]
    public void A_cancel_ends_pending_and_queued_recipients_and_leaves_sent_ones_to_their_receipts()
    {
        var batch = Queue(1);
        Ledger.Submitted(batch.ToArray(), [new(SubmitStatus.Accepted, null, null)], now: 2);
        Queue(1);

        Assert.Equal(4, Ledger.Cancel(now: 3));
        Assert.Equal(RecipientStatus.Sent, (RecipientStatus)_state.Statuses[0]);
        Assert.Equal(4, _state.Counts[(int)RecipientStatus.Cancelled]);
        Assert.Equal(0, _state.Unrefunded);
    }

    [Fact]
    public void Recipients_whose_submit_outcome_was_lost_count_as_sent_and_charged()
    {
        Queue(3);

        Assert.Equal(3, Ledger.SettleInDoubt(now: 4));
        Assert.Equal(3, _state.Counts[(int)RecipientStatus.Sent]);
        Assert.Equal(3 * Slices.Price, _state.Uncaptured);
        Assert.All([0, 1, 2], i => Assert.True(_state.WasCharged(i)));
    }

    [Fact]
    public void An_opt_out_reaches_only_recipients_not_yet_sent()
    {
        var batch = Queue(1);
        Ledger.Submitted(batch.ToArray(), [new(SubmitStatus.Accepted, null, null)], now: 2);
        var positions = OptOutPositions.Of(_state.Slice!.Numbers, [Slices.Number(0), Slices.Number(3), 19_175_550_000L]);

        Ledger.OptOut(positions, now: 3);

        Assert.Equal([0, 3], OptOutPositions.Of(_state.Slice.Numbers, [Slices.Number(0), Slices.Number(3)]));
        Assert.Equal(RecipientStatus.Sent, (RecipientStatus)_state.Statuses[0]);
        Assert.Equal(RecipientStatus.OptedOut, (RecipientStatus)_state.Statuses[3]);
        Assert.Equal(1, _state.Counts[(int)RecipientStatus.OptedOut]);
        Assert.Empty(OptOutPositions.Of(_state.Slice.Numbers, []));
    }
}
