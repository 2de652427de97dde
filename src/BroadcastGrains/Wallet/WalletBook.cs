namespace BroadcastGrains.Wallet;

/// <summary>
/// Decides what each wallet operation does, on a copy of the wallet's state made at the first change
/// (<see cref="Next"/>, null while nothing changed): the grain stores that copy and only then makes it its state, so a
/// failed write leaves the wallet as it was and the retry decides afresh.
/// </summary>
/// <remarks>
/// De-duplication is exact while a run is open. A run has one hold and one release, recognised by its account; a
/// capture or refund is recognised by its source's number (<see cref="SourceMarks"/>). Once the run is closed its
/// account is gone, and anything for it that still turned up would move nothing: a capture is capped by what the run
/// holds and a refund by what it was charged, both nothing without an account. That is why forgetting a closed run is
/// exact, not a window: only a hold opens an account, and a run's hold is answered before the run exists, so no copy
/// of it can follow the run's close.
/// <para>A postpaid client's <c>creditLimit</c> lets holds go that far below zero; captures never exceed what a run
/// holds, so the balance never goes below <c>−creditLimit</c> by the wallet's own operations.</para>
/// </remarks>
internal sealed class WalletBook(WalletState current, DateTimeOffset now, decimal creditLimit = 0)
{
    public const string Currency = "credits";

    WalletState? _next;

    /// <summary>The state after the operations decided so far; null when they changed nothing.</summary>
    public WalletState? Next => _next;

    WalletState Read => _next ?? current;

    WalletState Write => _next ??= current.Copy();

    public WalletView View() => new(Read.Balance, Read.Held, Currency, creditLimit);

    public TopUpResult TopUp(string reference, decimal amount)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (Read.TopUpReferences.TryGetValue(reference, out var earlier))
        {
            return new TopUpResult(earlier != amount, View());
        }
        var state = Write;
        state.TopUpReferences = new Dictionary<string, decimal>(state.TopUpReferences, StringComparer.Ordinal) { [reference] = amount };
        state.Balance += amount;
        Append(LedgerKind.TopUp, amount, 0, null, reference);
        return new TopUpResult(false, View());
    }

    public HoldResult Hold(WalletOperation operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operation.Amount);
        var available = View().Available;
        if (Read.Runs.TryGetValue(operation.HoldKey, out var run) && !run.IsUndone(operation.OperationId))
        {
            return new HoldResult(true, available, run.HeldAtStart);
        }
        if (operation.Amount > available)
        {
            return new HoldResult(false, available, operation.Amount);
        }
        var state = Write;
        state.Held += operation.Amount;
        state.Runs[operation.HoldKey] = RunAccount.Opened(operation.BroadcastId, operation.Amount, operation.OperationId);
        Append(LedgerKind.Hold, 0, operation.Amount, operation.BroadcastId, operation.OperationId);
        return new HoldResult(true, available - operation.Amount, operation.Amount);
    }

    public SettlementResult Capture(WalletOperation operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operation.Amount);
        if (operation.Amount == 0 || !Read.Runs.TryGetValue(operation.HoldKey, out var run))
        {
            return new SettlementResult(0, false, View());
        }
        var marks = run.MarksOf(operation.SourceKey);
        if (operation.Sequence <= marks.CaptureSequence)
        {
            return new SettlementResult(operation.Sequence == marks.CaptureSequence ? marks.LastCaptured : 0, true, View());
        }
        // The hold was the client's consent to pay: a capture never spends more than the run still holds.
        var amount = Math.Min(operation.Amount, run.Held);
        var state = Write;
        state.Balance -= amount;
        state.Held -= amount;
        state.Runs[operation.HoldKey] = run with
        {
            Held = run.Held - amount,
            Captured = run.Captured + amount,
            Sources = run.WithMarks(operation.SourceKey, marks with { CaptureSequence = operation.Sequence, LastCaptured = amount }),
        };
        Append(LedgerKind.Capture, -amount, -amount, operation.BroadcastId, operation.OperationId);
        return new SettlementResult(amount, false, View());
    }

    public SettlementResult Refund(WalletOperation operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operation.Amount);
        if (operation.Amount == 0 || !Read.Runs.TryGetValue(operation.HoldKey, out var run))
        {
            return new SettlementResult(0, false, View());
        }
        var marks = run.MarksOf(operation.SourceKey);
        if (operation.Sequence <= marks.RefundSequence)
        {
            return new SettlementResult(operation.Sequence == marks.RefundSequence ? marks.LastRefunded : 0, true, View());
        }
        var amount = RefundRule.Applicable(operation.Amount, run);
        var state = Write;
        state.Balance += amount;
        state.Runs[operation.HoldKey] = run with
        {
            Refunded = run.Refunded + amount,
            Sources = run.WithMarks(operation.SourceKey, marks with { RefundSequence = operation.Sequence, LastRefunded = amount }),
        };
        Append(LedgerKind.Refund, amount, 0, operation.BroadcastId, operation.OperationId);
        return new SettlementResult(amount, false, View());
    }

    /// <summary>Releases what the run still holds, once; a repeat answers the amount the first one released.</summary>
    public decimal Release(string operationId, string broadcastId, int run)
    {
        var key = WalletOperation.HoldKeyOf(broadcastId, run);
        if (!Read.Runs.TryGetValue(key, out var account))
        {
            return 0;
        }
        if (account.Released is { } released)
        {
            return released;
        }
        var amount = account.Held;
        var state = Write;
        state.Held -= amount;
        state.Runs[key] = account with { Held = 0, Released = amount };
        Append(LedgerKind.Release, 0, -amount, broadcastId, operationId);
        return amount;
    }

    /// <summary>Forgets the run; what it still holds (nothing, after its release) is released first.</summary>
    public decimal Close(string broadcastId, int run)
    {
        var key = WalletOperation.HoldKeyOf(broadcastId, run);
        if (!Read.Runs.TryGetValue(key, out var account))
        {
            return 0;
        }
        var state = Write;
        state.Held -= account.Held;
        state.Runs.Remove(key);
        Append(LedgerKind.Release, 0, -account.Held, broadcastId,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{broadcastId}/close/{run}"));
        return account.Held;
    }

    /// <summary>A ledger line for a movement; one that moved nothing is not written.</summary>
    void Append(LedgerKind kind, decimal amount, decimal heldDelta, string? broadcastId, string? reference)
    {
        if (amount == 0 && heldDelta == 0 && kind != LedgerKind.Hold)
        {
            return;
        }
        var state = Write;
        state.OpenPage.Add(new LedgerEntry(state.NextSequence++, kind, amount, heldDelta, broadcastId, reference, now));
    }
}
