using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>
/// How a sent message ends and what it owes back: a receipt or a timeout ends only a sent recipient, once; an
/// undelivered end is refunded when the client has refundFailed; a message never sent expires free.
/// </summary>
public sealed class SliceLedgerOutcomeTests
{
    const int Count = 4;

    readonly FinalNotes _finals = new();

    /// <summary>A slice whose first <paramref name="sent"/> recipients the carrier accepted at second 10.</summary>
    (PartitionState State, SliceLedger Ledger) Sent(int sent, bool refundFailed = true)
    {
        var state = Slices.Planned(Count, refundFailed);
        var ledger = new SliceLedger(state, refundFailed, _finals);
        var batch = new List<int>();
        ledger.QueueNext(sent, batch, now: 10);
        ledger.Submitted(batch.ToArray(), Enumerable.Repeat(new SubmitResult(SubmitStatus.Accepted, null, null), sent).ToArray(), now: 10);
        return (state, ledger);
    }

    static ReceiptBatch Receipts(params (int Index, ReceiptOutcome Outcome)[] receipts) =>
        new([.. receipts.Select(r => r.Index)], [.. receipts.Select(r => r.Outcome)], null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public void Undelivered_and_expired_receipts_are_refunded_only_with_refund_failed(bool refundFailed, int messagesOwed)
    {
        var (state, ledger) = Sent(3, refundFailed);

        var tally = ledger.Receipts(Receipts((0, ReceiptOutcome.Delivered), (1, ReceiptOutcome.Failed), (2, ReceiptOutcome.Expired)), now: 20);

        Assert.Equal((3, 1, 1, 1), (tally.Known, tally.Delivered, tally.Failed, tally.Expired));
        Assert.Equal([RecipientStatus.Delivered, RecipientStatus.Failed, RecipientStatus.Expired],
            state.Statuses.Take(3).Select(s => (RecipientStatus)s));
        Assert.Equal([RecipientError.None, RecipientError.Undelivered, RecipientError.Expired],
            state.Errors.Take(3).Select(e => (RecipientError)e));
        Assert.Equal(messagesOwed * Slices.Price, state.Unrefunded);
        Assert.Equal(3 * Slices.Price, state.Uncaptured);
        Assert.Equal([0, 1, 2], _finals.Take());
    }

    [Theory]
    [InlineData("no_route", RecipientError.NoRoute)]
    [InlineData("mms_not_supported", RecipientError.MmsNotSupported)]
    [InlineData("invalid destination", RecipientError.CarrierRejected)]
    public void A_refusal_keeps_the_routers_reason_and_costs_nothing(string error, RecipientError expected)
    {
        var state = Slices.Planned(Count, refundFailed: true);
        var ledger = new SliceLedger(state, true, _finals);
        var batch = new List<int>();
        ledger.QueueNext(1, batch, now: 10);

        var tally = ledger.Submitted(batch.ToArray(), [new SubmitResult(SubmitStatus.Rejected, null, error)], now: 10);

        Assert.Equal(1, tally.Blocked);
        Assert.Equal((RecipientStatus.Blocked, expected), ((RecipientStatus)state.Statuses[0], (RecipientError)state.Errors[0]));
        Assert.Equal(0m, state.Uncaptured);
    }

    [Fact]
    public void A_repeated_or_foreign_receipt_changes_nothing_and_refunds_nothing_twice()
    {
        var (state, ledger) = Sent(1);
        ledger.Receipts(Receipts((0, ReceiptOutcome.Failed)), now: 20);
        _finals.Take();

        var tally = ledger.Receipts(Receipts((0, ReceiptOutcome.Failed), (0, ReceiptOutcome.Delivered), (3, ReceiptOutcome.Failed),
            (Count, ReceiptOutcome.Failed), (-1, ReceiptOutcome.Delivered)), now: 30);

        Assert.Equal(3, tally.Known);
        Assert.Equal(0, tally.Failed + tally.Delivered);
        Assert.Equal(RecipientStatus.Failed, (RecipientStatus)state.Statuses[0]);
        Assert.Equal(RecipientStatus.Pending, (RecipientStatus)state.Statuses[3]);
        Assert.Equal(Slices.Price, state.Unrefunded);
        Assert.Empty(_finals.Take());
    }

    [Fact]
    public void Past_the_validity_a_sent_message_expires_refunded_and_an_unsent_one_expires_free()
    {
        var (state, ledger) = Sent(1);

        var tally = ledger.Timeouts(pastValidity: true, receiptDeadline: 0, now: 3600);

        Assert.Equal(Count, tally.Expired);
        Assert.Equal(Count, state.Counts[(int)RecipientStatus.Expired]);
        Assert.Equal((byte)RecipientError.Expired, state.Errors[0]);
        Assert.All(state.Errors.Skip(1), e => Assert.Equal((byte)RecipientError.ExpiredUnsent, e));
        Assert.True(state.WasCharged(0));
        Assert.False(state.WasCharged(1));
        Assert.Equal(Slices.Price, state.Unrefunded);
        Assert.True(state.AllFinal);
    }

    [Fact]
    public void A_sent_message_without_a_receipt_times_out_at_the_window_and_not_before()
    {
        var (state, ledger) = Sent(2);
        ledger.Receipts(Receipts((1, ReceiptOutcome.Delivered)), now: 15);

        Assert.Equal(0, ledger.Timeouts(pastValidity: false, receiptDeadline: 9, now: 20).TimedOut);
        var tally = ledger.Timeouts(pastValidity: false, receiptDeadline: 10, now: 20);

        Assert.Equal((1, 0), (tally.TimedOut, tally.Expired));
        Assert.Equal(RecipientStatus.Timeout, (RecipientStatus)state.Statuses[0]);
        Assert.Equal((byte)RecipientError.NoReceipt, state.Errors[0]);
        Assert.Equal(RecipientStatus.Delivered, (RecipientStatus)state.Statuses[1]);
        Assert.Equal(Slices.Price, state.Unrefunded);
        Assert.Equal(Count - 2, state.Counts[(int)RecipientStatus.Pending]);
    }

    [Fact]
    public void Once_the_client_is_known_not_to_subscribe_no_final_is_noted()
    {
        var (_, ledger) = Sent(2);
        _finals.Wanted = false;

        ledger.Receipts(Receipts((0, ReceiptOutcome.Delivered), (1, ReceiptOutcome.Failed)), now: 20);

        Assert.False(_finals.Any);
    }
}
