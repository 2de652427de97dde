using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;

namespace BroadcastGrains.Partitions;

/// <summary>
/// One slice of a broadcast's recipients. Keyed <c>{broadcastId}/{run}/{partition}</c> (see <see cref="PartitionKeys"/>).
/// Sends in batches through the carrier link, applies receipts, captures credits in batches and reports counts up.
/// </summary>
[Alias("partition")]
public interface IRecipientPartitionGrain : IGrainWithStringKey
{
    /// <summary>Validates and prices the slice and keeps it (in memory only when <paramref name="persist"/> is false).</summary>
    [Alias("prepare")]
    Task<PartitionEstimate> PrepareAsync(PartitionSlice slice, bool persist);

    /// <summary>Prices a prepared (not started) slice again for a changed message or new prices.</summary>
    [Alias("replan")]
    Task<PartitionEstimate> ReplanAsync(MessageSpec message, PriceTable prices);

    /// <summary>Prepares the partition <paramref name="targetKey"/> (a later run) with this slice's recipients.</summary>
    [Alias("clone")]
    Task<PartitionEstimate> CloneIntoAsync(string targetKey, MessageSpec message, PriceTable prices);

    /// <summary>Starts (or continues) sending.</summary>
    [Alias("start")]
    Task StartAsync();

    /// <summary>
    /// Interrupts a submit in progress (one waiting on a throttled carrier) so that a following
    /// <see cref="PauseAsync"/> or <see cref="CancelAsync"/> does not queue behind it. Interleaves; changes no recipient.
    /// </summary>
    [Alias("interrupt"), Orleans.Concurrency.AlwaysInterleave]
    Task InterruptAsync();

    /// <summary>
    /// Activates the partition so it resumes from what was stored (called after a silo was lost). Interleaves: a live
    /// partition in a long (throttled) submit answers at once, so the broadcast waking it is never held up.
    /// </summary>
    [Alias("wake"), Orleans.Concurrency.AlwaysInterleave]
    Task WakeAsync();

    /// <summary>
    /// <see cref="WakeAsync"/> for a partition of a run that is sending: one that never heard its start (the start is
    /// sent after the create has its answer, and may be lost with a silo) starts now. Interleaves, like WakeAsync.
    /// </summary>
    [Alias("wake-sending"), Orleans.Concurrency.AlwaysInterleave]
    Task WakeSendingAsync();

    /// <summary>Stops sending; answers when what was accepted so far is captured.</summary>
    [Alias("pause")]
    Task PauseAsync();

    /// <summary>Stops for good: unsent recipients become cancelled. Answers once every capture owed is made.</summary>
    [Alias("cancel")]
    Task<PartitionProgress> CancelAsync();

    /// <summary>Forgets the slice (a dry run, or a create that was refused).</summary>
    [Alias("discard")]
    Task DiscardAsync();

    /// <summary>Applies delivery receipts (duplicates and receipts for final recipients are ignored); answers how many named a recipient here.</summary>
    [Alias("receipts")]
    Task<int> ApplyReceiptsAsync(ReceiptBatch receipts);

    /// <summary>Recipients from local index <paramref name="from"/> on, optionally of one status.</summary>
    [Alias("recipients")]
    Task<PartitionRecipientPage> GetRecipientsAsync(int from, int limit, RecipientStatus? status);

    /// <summary>Counts and prices what a retry to <paramref name="statuses"/> would send (<see cref="RetryRule"/>); changes nothing.</summary>
    [Alias("estimate-retry")]
    Task<PartitionEstimate> EstimateRetryAsync(RecipientStatus[] statuses);

    /// <summary>Sends the recipients <see cref="RetryRule"/> picks again, as retry run <paramref name="run"/> (idempotent).</summary>
    [Alias("start-retry")]
    Task StartRetryAsync(int run, RecipientStatus[] statuses);

    /// <summary>
    /// The numbers the carrier accepted a message for (replies are matched against them), and whether the slice may
    /// still send more (prepared, sending, paused or cancelled with submissions in flight).
    /// </summary>
    [Alias("sent-numbers")]
    Task<SentNumbers> GetSentNumbersAsync();

    /// <summary>The numbers (E.164 digits, 0 for an entry that is not one) of local recipients <paramref name="indexes"/>.</summary>
    [Alias("numbers-of"), Orleans.Concurrency.ReadOnly]
    Task<long[]> GetNumbersAsync(int[] indexes);
}

/// <summary>Recipients of one partition and where the next page starts (-1 when the partition has no more).</summary>
[GenerateSerializer, Immutable, Alias("partition-recipient-page")]
public sealed record PartitionRecipientPage(
    [property: Id(0)] IReadOnlyList<RecipientView> Items,
    [property: Id(1)] int Next);
