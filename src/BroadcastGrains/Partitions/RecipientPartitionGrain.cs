using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;
using BroadcastGrains.Partitions.Journal;
using BroadcastGrains.Partitions.Rows;
using BroadcastGrains.Hosting;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;
using BroadcastGrains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Owns one slice of recipients. A grain timer (the pump) submits batches, settles money with the wallet and reports
/// counts up; receipts arrive as batched calls. The grain is not reentrant, so the pump and receipts never overlap.
/// </summary>
/// <remarks>
/// Placed at random rather than by Orleans' default (resource-optimised) placement: a create activates all of its
/// partitions within milliseconds, and the load statistics that placement reads are seconds old, so the whole burst
/// can go to whichever silo looked idlest (in a two-silo test, one silo sent all of the first 40,000 messages of a
/// 200,000-recipient broadcast created through the other). Random placement spreads a burst over every silo.
/// </remarks>
[GrainType("partition")]
[Orleans.Placement.RandomPlacement]
internal sealed partial class RecipientPartitionGrain(
    [PersistentState("partition", StorageNames.Recipients)] IPersistentState<PartitionState> partition,
    IPartitionJournal journal,
    IRecipientRowStore rows,
    IRecipientRouter router,
    PhoneNumberClassifier phones,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    BroadcastMetrics metrics,
    ILogger<RecipientPartitionGrain> logger)
    : Grain, IRecipientPartitionGrain
{
    PartitionState State => partition.State;
    string Key => this.GetPrimaryKeyString();
    PartitionSlice Slice => _loaded ?? State.Slice ?? throw new InvalidOperationException("The partition is empty.");

    /// <summary>The whole slice, when grain state keeps only its header and the recipients are in the row store.</summary>
    PartitionSlice? _loaded;

    /// <summary>The slice's rules over this activation's state: every status change and the money it moves.</summary>
    SliceLedger Ledger => new(State, Slice.RefundFailed, _finals);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State.Changed = journal.IsDurable && State.Slice is not null ? [] : null;
        if (State.RecipientsStored && State.Slice is { } header)
        {
            _loaded = await rows.ReadAsync(Key, header, State.Statuses.Length, cancellationToken);
        }
        if (State.Phase is PartitionPhase.Sending or PartitionPhase.Paused or PartitionPhase.Cancelled)
        {
            // Reactivated mid-send (a new silo, or after idle collection): resume from the snapshot and the journal.
            await ResumeAsync();
            EnsurePump();
        }
    }

    /// <summary>
    /// Shutdown (SIGTERM), idle collection or a rebalance: the grain is not reentrant, so the pump's last turn has
    /// ended and no submit is half-applied. Settle what the wallet is owed, report, and store where the send stands, so
    /// the next activation resumes from here rather than from the last periodic write.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopPump();
        if (State.Slice is null || _superseded)
        {
            return;
        }
        if (State.Phase == PartitionPhase.Prepared)
        {
            // Storage that dies with the silo got no write at prepare (see PrepareAsync): this one keeps the slice.
            if (!journal.IsDurable)
            {
                await StoreOnDeactivationAsync(reason);
            }
            return;
        }
        if (State.Phase is not (PartitionPhase.Sending or PartitionPhase.Paused or PartitionPhase.Cancelled))
        {
            return;
        }
        try
        {
            // Bounded by the deactivation timeout: an abandoned capture is frozen with its operation id and is simply
            // repeated by the next activation.
            await SettleMoneyAsync().WaitAsync(cancellationToken);
            await ReportAsync(force: true).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await StoreOnDeactivationAsync(reason);
    }

    async Task StoreOnDeactivationAsync(DeactivationReason reason)
    {
        try
        {
            await StoreAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // In-memory storage is itself a grain and is gone once its silo stops; durable storage answers.
            Log.NotStoredOnDeactivation(logger, Key, reason.ReasonCode.ToString(), e);
        }
    }

    public async Task<PartitionEstimate> PrepareAsync(PartitionSlice slice, bool persist)
    {
        if (State.Phase is not (PartitionPhase.Empty or PartitionPhase.Prepared))
        {
            throw new InvalidOperationException($"Partition {Key} is already {State.Phase}.");
        }
        var estimate = SlicePlanner.Plan(slice, State, phones, await OptedOutAsync(slice));
        State.CreatedAt = time.GetUtcNow();
        State.Phase = PartitionPhase.Prepared;
        State.Changed = journal.IsDurable ? [] : null;
        _loaded = null;
        State.RecipientsStored = false;
        if (persist && estimate.Error is null)
        {
            if (rows.IsExternal)
            {
                // Recipients never change after this; snapshots then rewrite statuses, not 20,000 numbers each time.
                _loaded = State.Slice!;
                await rows.WriteAsync(Key, _loaded);
                State.Slice = _loaded.WithoutRecipients();
                State.RecipientsStored = true;
            }
            // Storage that dies with the silo (memory mode, where the journal is not durable either) can keep nothing
            // this activation cannot: such a slice is written when the activation ends or the send starts, not during
            // the create. Writing 100 partitions' states was about a tenth of the time to answer 2,000,000 recipients.
            if (journal.IsDurable)
            {
                await partition.WriteStateAsync();
            }
        }
        return estimate;
    }

    public async Task<PartitionEstimate> ReplanAsync(MessageSpec message, PriceTable prices)
    {
        if (State.Phase != PartitionPhase.Prepared)
        {
            throw new InvalidOperationException($"Partition {Key} is {State.Phase}; only a prepared slice is planned again.");
        }
        return await PrepareAsync(Slice with { Message = message, Prices = prices }, persist: true);
    }

    public Task<PartitionEstimate> CloneIntoAsync(string targetKey, MessageSpec message, PriceTable prices) =>
        GrainFactory.GetGrain<IRecipientPartitionGrain>(targetKey)
            .PrepareAsync(Slice with { Message = message, Prices = prices }, persist: true);

    public async Task StartAsync()
    {
        _interrupted = false;
        if (State.Phase is PartitionPhase.Prepared or PartitionPhase.Paused)
        {
            if (State.Phase == PartitionPhase.Prepared)
            {
                _finals.NoteFinal(State.Statuses);
            }
            State.Phase = PartitionPhase.Sending;
            State.StartedAt ??= time.GetUtcNow();
            await StoreAsync();
        }
        EnsurePump();
    }

    public Task WakeAsync()
    {
        // Activation itself resumes a sending, paused or cancelled slice (OnActivateAsync); a live one just keeps its pump.
        // The broadcast wakes only partitions it does not know to be done, and reports it took may have died with its
        // silo before it stored them: report again, even a done partition.
        if (State.Phase is PartitionPhase.Sending or PartitionPhase.Cancelled or PartitionPhase.Done)
        {
            _schedule.ForgetReport();
            EnsurePump();
        }
        return Task.CompletedTask;
    }

    public Task WakeSendingAsync()
    {
        if (State.Phase == PartitionPhase.Prepared)
        {
            // An interleaving call must not change the phase under a turn in progress: the start is a call of its own,
            // queued like any other. Should it fail, the broadcast's next wake asks again.
            this.AsReference<IRecipientPartitionGrain>().StartAsync().Ignore();
        }
        return WakeAsync();
    }

    public async Task PauseAsync()
    {
        if (State.Phase is PartitionPhase.Sending)
        {
            State.Phase = PartitionPhase.Paused;
            await SettleMoneyAsync();
            await StoreAsync();
        }
    }

    public async Task<PartitionProgress> CancelAsync()
    {
        if (State.Phase is PartitionPhase.Prepared or PartitionPhase.Sending or PartitionPhase.Paused)
        {
            State.Phase = PartitionPhase.Cancelled;
            metrics.MessagesCompleted(RecipientStatus.Cancelled, Ledger.Cancel(SecondsSinceCreated()));
            await SettleMoneyAsync();
            await StoreAsync();
            EnsurePump();
        }
        return Progress();
    }

    public async Task DiscardAsync()
    {
        if (State.Phase is PartitionPhase.Empty or PartitionPhase.Prepared)
        {
            if (State.RecipientsStored)
            {
                await rows.DeleteAsync(Key);
            }
            partition.State = new PartitionState();
            _loaded = null;
            await partition.ClearStateAsync();
        }
        DeactivateOnIdle();
    }

    int SecondsSinceCreated() => (int)(time.GetUtcNow() - State.CreatedAt).TotalSeconds;

    void RequeueInFlight() => Ledger.Requeue(SecondsSinceCreated());

    PartitionProgress Progress()
    {
        var (_, run, partition) = PartitionKeys.Parse(Key);
        return new(partition, State.Version, State.Counts.ToArray(), State.Captured - State.CapturedBefore,
            State.Refunded - State.RefundedBefore, State.Phase == PartitionPhase.Done, State.ActiveRun > 0 ? State.ActiveRun : run)
        {
            Outside = State.RunBase,
        };
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: carrier submit of {Count} messages failed; will retry")]
        public static partial void SubmitFailed(ILogger logger, string partition, int count, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: {Operation} with the wallet failed; will retry")]
        public static partial void WalletFailed(ILogger logger, string partition, string operation, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: reporting progress failed; will retry")]
        public static partial void ReportFailed(ILogger logger, string partition, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: writing its journal failed; nothing more is submitted until it is written")]
        public static partial void JournalFailed(ILogger logger, string partition, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: journal row {Seq} was written by another activation; this one stops and goes away without submitting")]
        public static partial void Superseded(ILogger logger, string partition, long seq);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: trimming its journal after a snapshot failed; the next snapshot trims it")]
        public static partial void JournalTrimFailed(ILogger logger, string partition, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: resumed with {Count} messages whose submit outcome was lost; they count as sent (unconfirmed) and are never submitted again")]
        public static partial void ResumedInDoubt(ILogger logger, string partition, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: storing its state on deactivation ({Reason}) failed; it resumes from its last periodic write")]
        public static partial void NotStoredOnDeactivation(ILogger logger, string partition, string reason, Exception exception);
    }
}
