using BroadcastGrains.Storage;
using BroadcastGrains.Telemetry;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Wallet;

/// <summary>
/// Serializes every credit movement of one client. <see cref="WalletBook"/> decides each operation on a copy of the
/// state; the copy is stored, and only then becomes the state and the answer. A failed write answers the error and
/// changes nothing, so the caller's retry applies the operation once.
/// </summary>
[GrainType("wallet")]
internal sealed partial class WalletGrain(
    [PersistentState("wallet", StorageNames.Grains)] IPersistentState<WalletState> wallet,
    TimeProvider time,
    BroadcastMetrics metrics,
    ILogger<WalletGrain> logger)
    : Grain, IWalletGrain
{
    internal const int PageSize = 256;

    WalletState State => wallet.State;

    /// <summary>The client's credit limit as last read; holds and reads read it afresh (an operator may change it).</summary>
    decimal _creditLimit;

    /// <summary>The client's <c>lowBalanceAlert</c>, read with <see cref="_creditLimit"/>.</summary>
    decimal? _lowBalanceAlert;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReadCreditLimitAsync();

    WalletBook Book() => new(State, time.GetUtcNow(), _creditLimit);

    /// <summary>
    /// Reads the client's <c>creditLimit</c>: once per hold or read of the wallet (a run's hold, not a message), so a
    /// lowered limit holds for the very next run. The client grain never calls the wallet, so this cannot deadlock.
    /// </summary>
    async Task ReadCreditLimitAsync()
    {
        var profile = await GrainFactory.GetGrain<Catalogue.IClientGrain>(this.GetPrimaryKeyString()).GetAsync();
        _creditLimit = profile?.CreditLimit ?? 0;
        _lowBalanceAlert = profile?.LowBalanceAlert;
    }

    public async Task<WalletView> GetAsync()
    {
        await ReadCreditLimitAsync();
        return Book().View();
    }

    public async Task<TopUpResult> TopUpAsync(string reference, decimal amount)
    {
        var book = Book();
        var result = book.TopUp(reference, amount);
        if (await CommitAsync(book))
        {
            metrics.CreditsToppedUp(amount);
        }
        return result;
    }

    public async Task<HoldResult> HoldAsync(WalletOperation operation)
    {
        await ReadCreditLimitAsync();
        var book = Book();
        var result = book.Hold(operation);
        if (await CommitAsync(book))
        {
            metrics.CreditsHeld(operation.Amount);
        }
        return result;
    }

    public async Task<SettlementResult> CaptureAsync(WalletOperation operation)
    {
        var book = Book();
        var result = book.Capture(operation);
        if (await CommitAsync(book))
        {
            metrics.CreditsCaptured(result.Applied);
        }
        return result;
    }

    public async Task<SettlementResult> RefundAsync(WalletOperation operation)
    {
        var book = Book();
        var result = book.Refund(operation);
        if (await CommitAsync(book))
        {
            metrics.CreditsRefunded(result.Applied);
        }
        return result;
    }

    public async Task<decimal> ReleaseRemainderAsync(string operationId, string broadcastId, int run = 1)
    {
        var book = Book();
        var released = book.Release(operationId, broadcastId, run);
        if (await CommitAsync(book))
        {
            metrics.CreditsReleased(released);
        }
        return released;
    }

    public async Task CloseRunAsync(string broadcastId, int run)
    {
        var book = Book();
        var released = book.Close(broadcastId, run);
        if (await CommitAsync(book) && released > 0)
        {
            metrics.CreditsReleased(released);
        }
    }

    /// <summary>
    /// Stores what the book decided and makes it the state; false when it decided nothing. When the write fails the
    /// state is read again from storage (a write that failed only in its answer may have landed: then the retry finds
    /// it applied); when even that fails the activation is dropped, so the next one starts from what is stored.
    /// </summary>
    async Task<bool> CommitAsync(WalletBook book)
    {
        if (book.Next is not { } next)
        {
            return false;
        }
        await FlushFullPageAsync(next);
        var (alert, alerted) = LowBalanceWatch.Next(next.LowBalanceAlerted, next.Balance + _creditLimit - next.Held, _lowBalanceAlert);
        next.LowBalanceAlerted = alerted;
        next.LowBalanceCrossings += alert ? 1 : 0;
        var before = wallet.State;
        wallet.State = next;
        try
        {
            await wallet.WriteStateAsync();
            if (alert)
            {
                await RaiseLowBalanceAsync(next);
            }
            return true;
        }
        catch (Exception e)
        {
            wallet.State = before;
            Log.WriteFailed(logger, this.GetPrimaryKeyString(), e);
            await RereadAsync();
            throw;
        }
    }

    /// <summary>
    /// Queues <c>wallet.low_balance</c> once the crossing is stored; its id names the crossing, so a repeat is one event.
    /// A failure to queue is logged, not thrown: the money moved, and the operation must answer that it did.
    /// </summary>
    async Task RaiseLowBalanceAsync(WalletState state)
    {
        var id = this.GetPrimaryKeyString();
        var eventId = Webhooks.WebhookEventIds.Of(id, Webhooks.WebhookEventTypes.WalletLowBalance,
            state.LowBalanceCrossings.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var view = new WalletView(state.Balance, state.Held, WalletBook.Currency, _creditLimit);
        try
        {
            await GrainFactory.GetGrain<Webhooks.IWebhookOutboxGrain>(id).EnqueueAsync(
                [new Webhooks.WebhookEvent(eventId, Webhooks.WebhookEventTypes.WalletLowBalance, time.GetUtcNow(), Wallet: view)]);
        }
        catch (Exception e)
        {
            Log.LowBalanceNotQueued(logger, id, e);
        }
    }

    async Task RereadAsync()
    {
        try
        {
            await wallet.ReadStateAsync();
        }
        catch (Exception e)
        {
            Log.RereadFailed(logger, this.GetPrimaryKeyString(), e);
            DeactivateOnIdle();
        }
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {Client}: storing an operation failed; it was not applied and the caller's retry applies it")]
        public static partial void WriteFailed(ILogger logger, string client, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {Client}: reading its state again after a failed write failed; the activation ends and the next reads it")]
        public static partial void RereadFailed(ILogger logger, string client, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {Client}: queueing wallet.low_balance failed")]
        public static partial void LowBalanceNotQueued(ILogger logger, string client, Exception exception);
    }
}
