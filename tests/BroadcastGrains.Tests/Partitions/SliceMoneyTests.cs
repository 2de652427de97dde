using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>
/// Settling with the wallet: what is owed is frozen into one operation at a time; until the wallet answers, every
/// retry is the same operation (id, sequence, amount), and what is owed meanwhile waits for the next one.
/// </summary>
public sealed class SliceMoneyTests
{
    readonly PartitionState _state = Slices.Planned(1);

    SliceMoney Money => new(_state);

    [Fact]
    public void A_frozen_capture_is_repeated_as_the_same_operation_until_the_wallet_answers()
    {
        _state.Uncaptured = 0.05m;

        Assert.True(Money.Freeze(MoneyFlow.Capture));
        _state.Uncaptured += 0.02m;
        Assert.False(Money.Freeze(MoneyFlow.Capture));
        var first = Money.InFlight(MoneyFlow.Capture, "p/1/0", "bc_1", 1);
        var retry = Money.InFlight(MoneyFlow.Capture, "p/1/0", "bc_1", 1);

        Assert.Equal(first, retry);
        Assert.Equal(("p/1/0/capture/0", 0.05m, 0L, "p/1/0"), (first!.OperationId, first.Amount, first.Sequence, first.SourceKey));

        Money.Applied(MoneyFlow.Capture, 0.04m);
        Assert.Equal((0.04m, 0m, 1L), (_state.Captured, _state.InflightCapture, _state.CaptureSequence));
        Assert.Null(Money.InFlight(MoneyFlow.Capture, "p/1/0", "bc_1", 1));
        Assert.True(Money.Freeze(MoneyFlow.Capture));
        Assert.Equal("p/1/0/capture/1", Money.InFlight(MoneyFlow.Capture, "p/1/0", "bc_1", 1)!.OperationId);
    }

    [Fact]
    public void A_freeze_whose_journal_entry_failed_is_owed_again_with_the_same_number()
    {
        _state.Unrefunded = 0.03m;
        Money.Freeze(MoneyFlow.Refund);

        Money.Thaw(MoneyFlow.Refund);

        Assert.Equal((0.03m, 0m, 0L), (_state.Unrefunded, _state.InflightRefund, _state.RefundSequence));
        Assert.Null(Money.InFlight(MoneyFlow.Refund, "p/1/0", "bc_1", 1));
        Assert.True(Money.Freeze(MoneyFlow.Refund));
        Assert.Equal("p/1/0/refund/0", Money.InFlight(MoneyFlow.Refund, "p/1/0", "bc_1", 1)!.OperationId);
    }

    [Fact]
    public void Nothing_owed_freezes_nothing_and_the_slice_is_settled_once_both_are_answered()
    {
        Assert.False(Money.Freeze(MoneyFlow.Capture));
        _state.Uncaptured = 0.01m;
        _state.Unrefunded = 0.01m;
        Money.Freeze(MoneyFlow.Capture);
        Money.Freeze(MoneyFlow.Refund);
        Assert.False(_state.MoneySettled);
        var version = _state.Version;

        Money.Applied(MoneyFlow.Capture, 0.01m);
        Money.Applied(MoneyFlow.Refund, 0.01m);

        Assert.True(_state.MoneySettled);
        Assert.Equal((0.01m, 0.01m), (_state.Captured, _state.Refunded));
        Assert.Equal(version + 2, _state.Version);
    }
}
