using BroadcastGrains.Storage;
using BroadcastGrains.Telemetry;

namespace BroadcastGrains.Wallet;

/// <summary>
/// Serializes every credit movement of one client. Each operation is applied at most once (by operation id, or by
/// reference for top-ups), written to the ledger and persisted before it answers.
/// </summary>
[GrainType("wallet")]
internal sealed partial class WalletGrain(
    [PersistentState("wallet", StorageNames.Grains)] IPersistentState<WalletState> wallet,
    TimeProvider time,
    BroadcastMetrics metrics)
    : Grain, IWalletGrain
{
    internal const int PageSize = 256;
    const int RememberedOperations = 16_384;
    const string Currency = "credits";

    WalletState State => wallet.State;

    public Task<WalletView> GetAsync() => Task.FromResult(View());

    public async Task<TopUpResult> TopUpAsync(string reference, decimal amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (State.TopUpReferences.TryGetValue(reference, out var earlier))
        {
            return new TopUpResult(earlier != amount, View());
        }
        State.TopUpReferences[reference] = amount;
        State.Balance += amount;
        await AppendAsync(LedgerKind.TopUp, amount, 0, null, reference);
        metrics.CreditsToppedUp(amount);
        return new TopUpResult(false, View());
    }

    public async Task<HoldResult> HoldAsync(WalletOperation operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operation.Amount);
        if (State.RecentOperations.ContainsKey(operation.OperationId))
        {
            return new HoldResult(true, View().Available, operation.Amount);
        }
        var available = State.Balance - State.Held;
        if (operation.Amount > available)
        {
            return new HoldResult(false, available, operation.Amount);
        }
        State.Held += operation.Amount;
        State.HeldByBroadcast[operation.HoldKey] = HeldFor(operation.HoldKey) + operation.Amount;
        Remember(operation.OperationId, operation.Amount);
        await AppendAsync(LedgerKind.Hold, 0, operation.Amount, operation.BroadcastId, operation.OperationId);
        metrics.CreditsHeld(operation.Amount);
        return new HoldResult(true, State.Balance - State.Held, operation.Amount);
    }

    public async Task<WalletView> CaptureAsync(WalletOperation operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operation.Amount);
        if (State.RecentOperations.ContainsKey(operation.OperationId) || operation.Amount == 0)
        {
            return View();
        }
        // A capture can never spend more than the broadcast holds: the hold was the client's consent to pay.
        var amount = Math.Min(operation.Amount, HeldFor(operation.HoldKey));
        State.Balance -= amount;
        State.Refundable += amount;
        ReduceHeld(operation.HoldKey, amount);
        Remember(operation.OperationId, amount);
        await AppendAsync(LedgerKind.Capture, -amount, -amount, operation.BroadcastId, operation.OperationId);
        metrics.CreditsCaptured(amount);
        return View();
    }

    public async Task<WalletView> RefundAsync(WalletOperation operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operation.Amount);
        if (State.RecentOperations.ContainsKey(operation.OperationId) || operation.Amount == 0)
        {
            return View();
        }
        var amount = Math.Min(operation.Amount, State.Refundable);
        State.Balance += amount;
        State.Refundable -= amount;
        Remember(operation.OperationId, amount);
        await AppendAsync(LedgerKind.Refund, amount, 0, operation.BroadcastId, operation.OperationId);
        metrics.CreditsRefunded(amount);
        return View();
    }

    public async Task<decimal> ReleaseRemainderAsync(string operationId, string broadcastId, int run = 1)
    {
        if (State.RecentOperations.TryGetValue(operationId, out var released))
        {
            return released;
        }
        var holdKey = WalletOperation.HoldKeyOf(broadcastId, run);
        var amount = HeldFor(holdKey);
        ReduceHeld(holdKey, amount);
        Remember(operationId, amount);
        if (amount == 0)
        {
            await wallet.WriteStateAsync();
            return 0;
        }
        await AppendAsync(LedgerKind.Release, 0, -amount, broadcastId, operationId);
        metrics.CreditsReleased(amount);
        return amount;
    }

    decimal HeldFor(string holdKey) => State.HeldByBroadcast.GetValueOrDefault(holdKey);

    void ReduceHeld(string holdKey, decimal amount)
    {
        State.Held -= amount;
        var left = HeldFor(holdKey) - amount;
        if (left == 0)
        {
            State.HeldByBroadcast.Remove(holdKey);
        }
        else
        {
            State.HeldByBroadcast[holdKey] = left;
        }
    }

    void Remember(string operationId, decimal amount)
    {
        State.RecentOperations[operationId] = amount;
        State.RecentOperationOrder.Enqueue(operationId);
        while (State.RecentOperationOrder.Count > RememberedOperations)
        {
            State.RecentOperations.Remove(State.RecentOperationOrder.Dequeue());
        }
    }

    WalletView View() => new(State.Balance, State.Held, Currency);
}
