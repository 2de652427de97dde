using BroadcastGrains.Wallet;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Settling a slice with the wallet: one capture and one refund at a time, each of the whole amount owed when it
/// starts. The amount is frozen (in flight) before its call, so a retry repeats the same operation — this partition as
/// its source, the same sequence number and amount — which the wallet recognises; the next number is used only once
/// the wallet answered, and the slice records what the wallet answered it applied.
/// </summary>
internal sealed class SliceMoney(PartitionState state)
{
    /// <summary>
    /// Freezes what is owed of <paramref name="flow"/> when nothing of it is in flight; true when it froze a new amount,
    /// which must be journaled before the call (after a crash the call is repeated with the same id and amount, rather
    /// than a new amount under an id the wallet already applied).
    /// </summary>
    public bool Freeze(MoneyFlow flow)
    {
        if (flow == MoneyFlow.Capture && state.InflightCapture == 0 && state.Uncaptured > 0)
        {
            (state.InflightCapture, state.Uncaptured) = (state.Uncaptured, 0);
            return true;
        }
        if (flow == MoneyFlow.Refund && state.InflightRefund == 0 && state.Unrefunded > 0)
        {
            (state.InflightRefund, state.Unrefunded) = (state.Unrefunded, 0);
            return true;
        }
        return false;
    }

    /// <summary>Undoes <see cref="Freeze"/> when its journal entry could not be written: the call is not made.</summary>
    public void Thaw(MoneyFlow flow)
    {
        if (flow == MoneyFlow.Capture)
        {
            (state.Uncaptured, state.InflightCapture) = (state.Uncaptured + state.InflightCapture, 0);
        }
        else
        {
            (state.Unrefunded, state.InflightRefund) = (state.Unrefunded + state.InflightRefund, 0);
        }
    }

    /// <summary>The wallet operation for the amount in flight, or null when none is.</summary>
    public WalletOperation? InFlight(MoneyFlow flow, string partitionKey, string broadcastId, int run)
    {
        var (amount, sequence, kind) = flow == MoneyFlow.Capture
            ? (state.InflightCapture, state.CaptureSequence, "capture")
            : (state.InflightRefund, state.RefundSequence, "refund");
        return amount > 0
            ? new WalletOperation($"{partitionKey}/{kind}/{sequence}", broadcastId, amount, run, partitionKey, sequence)
            : null;
    }

    /// <summary>
    /// Records the wallet's answer: what it applied, which is less than asked only when the run's hold ran out (a
    /// capture) or the run was charged less (a refund, <see cref="RefundRule.Applicable"/>).
    /// </summary>
    public void Applied(MoneyFlow flow, decimal applied)
    {
        if (flow == MoneyFlow.Capture)
        {
            state.Captured += applied;
            state.InflightCapture = 0;
            state.CaptureSequence++;
        }
        else
        {
            state.Refunded += applied;
            state.InflightRefund = 0;
            state.RefundSequence++;
        }
        state.Version++;
    }
}
