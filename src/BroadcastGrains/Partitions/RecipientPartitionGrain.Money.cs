using BroadcastGrains.Wallet;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Money: one capture and then one refund a tick, each of what the slice owes then (<see cref="SliceMoney"/> freezes
/// it, so a retry repeats the same operation; <see cref="RefundRule"/> says what is refunded).
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    int Run => State.ActiveRun > 0 ? State.ActiveRun : PartitionKeys.Parse(Key).Run;

    async Task SettleMoneyAsync()
    {
        // Refunds follow captures: a refund is only ever for something already captured.
        if (await SettleAsync(MoneyFlow.Capture))
        {
            await SettleAsync(MoneyFlow.Refund);
        }
    }

    /// <summary>Freezes, journals and sends what is owed of <paramref name="flow"/>; false when it must wait a tick.</summary>
    async Task<bool> SettleAsync(MoneyFlow flow)
    {
        var money = new SliceMoney(State);
        if (money.Freeze(flow) && !await JournalFrozenAsync())
        {
            money.Thaw(flow);
            return false;
        }
        if (money.InFlight(flow, Key, Slice.BroadcastId, Run) is not { } operation)
        {
            return true;
        }
        try
        {
            var wallet = GrainFactory.GetGrain<IWalletGrain>(Slice.ClientId);
            var answer = flow == MoneyFlow.Capture ? await wallet.CaptureAsync(operation) : await wallet.RefundAsync(operation);
            money.Applied(flow, answer.Applied);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.WalletFailed(logger, Key, flow == MoneyFlow.Capture ? "capture" : "refund", e);
            return false;
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
