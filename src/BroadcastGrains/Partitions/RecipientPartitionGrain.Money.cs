using BroadcastGrains.Wallet;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Money: accepted messages are captured and refundable failures refunded, one wallet call per kind per tick.
/// An amount is frozen (in flight) before its call, so a retry repeats the same operation — this partition as its
/// source, the same sequence number and amount — which the wallet recognises; the next number is used only once the
/// wallet answered. The partition records what the wallet answered it applied.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    int Run => PartitionKeys.Parse(Key).Run;

    void OweRefund(int index)
    {
        if (Slice.RefundFailed)
        {
            State.Unrefunded += State.CostOf(index);
        }
    }

    async Task SettleMoneyAsync()
    {
        var wallet = GrainFactory.GetGrain<IWalletGrain>(Slice.ClientId);
        if (State.InflightCapture == 0 && State.Uncaptured > 0)
        {
            (State.InflightCapture, State.Uncaptured) = (State.Uncaptured, 0);
            if (!await JournalFrozenAsync())
            {
                (State.Uncaptured, State.InflightCapture) = (State.InflightCapture, 0);
                return;
            }
        }
        if (State.InflightCapture > 0)
        {
            try
            {
                var capture = await wallet.CaptureAsync(new WalletOperation(
                    $"{Key}/capture/{State.CaptureSequence}", Slice.BroadcastId, State.InflightCapture, Run, Key, State.CaptureSequence));
                // What the wallet took, which is less than asked only when the run's hold ran out: spent is what was paid.
                State.Captured += capture.Applied;
                State.InflightCapture = 0;
                State.CaptureSequence++;
                State.Version++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.WalletFailed(logger, Key, "capture", e);
                return;
            }
        }
        // Refunds follow captures: a refund is only ever for something already captured.
        if (State.InflightRefund == 0 && State.Unrefunded > 0)
        {
            (State.InflightRefund, State.Unrefunded) = (State.Unrefunded, 0);
            if (!await JournalFrozenAsync())
            {
                (State.Unrefunded, State.InflightRefund) = (State.InflightRefund, 0);
                return;
            }
        }
        if (State.InflightRefund > 0)
        {
            try
            {
                var refund = await wallet.RefundAsync(new WalletOperation(
                    $"{Key}/refund/{State.RefundSequence}", Slice.BroadcastId, State.InflightRefund, Run, Key, State.RefundSequence));
                // Never more than the run was charged: a message whose capture found the hold spent is not refunded.
                State.Refunded += refund.Applied;
                State.InflightRefund = 0;
                State.RefundSequence++;
                State.Version++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.WalletFailed(logger, Key, "refund", e);
            }
        }
    }

    /// <summary>
    /// A frozen amount is journaled before its wallet call: after a crash the call is repeated with the same operation id
    /// and the same amount, which the wallet recognises, rather than a new amount under an id it already applied.
    /// </summary>
    async Task<bool> JournalFrozenAsync()
    {
        try
        {
            await JournalAsync(force: true);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.JournalFailed(logger, Key, e);
            return false;
        }
    }
}
