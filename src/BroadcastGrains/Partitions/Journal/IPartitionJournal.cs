namespace BroadcastGrains.Partitions.Journal;

/// <summary>
/// The durable log of what a partition changed since its last stored state. Grain state is a snapshot written every few
/// seconds (AdoNet rewrites the whole blob each time); the journal gets one small row per batch, written before the
/// carrier sees the batch and before the wallet sees a capture, so a partition reactivated after a crash knows which
/// messages may have reached the carrier and what it owes.
/// </summary>
public interface IPartitionJournal
{
    /// <summary>False when nothing outlives the silo (in-memory storage): the partition then skips every write.</summary>
    bool IsDurable { get; }

    /// <summary>
    /// Appends one entry for the activation <paramref name="writer"/>; answers once it is stored. An entry under a sequence
    /// number the same writer already wrote replaces it (a retry after a lost answer); one another writer holds throws
    /// <see cref="JournalConflictException"/> and changes nothing: the stored row, not any activation's memory, decides.
    /// </summary>
    Task AppendAsync(string partitionKey, JournalEntry entry, Guid writer, CancellationToken cancellationToken = default);

    /// <summary>The entries after <paramref name="afterSeq"/>, oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string partitionKey, long afterSeq, CancellationToken cancellationToken = default);

    /// <summary>Forgets the entries up to <paramref name="throughSeq"/>: a stored snapshot already holds them.</summary>
    Task TrimAsync(string partitionKey, long throughSeq, CancellationToken cancellationToken = default);
}

/// <summary>In-memory storage: the snapshot and everything else die with the silo, so there is nothing to journal.</summary>
public sealed class NoPartitionJournal : IPartitionJournal
{
    /// <inheritdoc />
    public bool IsDurable => false;

    /// <inheritdoc />
    public Task AppendAsync(string partitionKey, JournalEntry entry, Guid writer, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string partitionKey, long afterSeq, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>([]);

    /// <inheritdoc />
    public Task TrimAsync(string partitionKey, long throughSeq, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
