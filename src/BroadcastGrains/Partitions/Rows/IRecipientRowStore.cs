using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions.Rows;

/// <summary>
/// Where a partition's recipients (numbers, texts that are not numbers, variables) live when grain state should not
/// carry them: they never change after prepare, yet AdoNet grain storage rewrites the whole state on every snapshot.
/// The partition stays their single writer: it writes them once at prepare and reads them back when it activates.
/// </summary>
public interface IRecipientRowStore
{
    /// <summary>False with in-memory storage: the slice then stays in grain state.</summary>
    bool IsExternal { get; }

    /// <summary>Stores the slice's recipients, replacing any stored for <paramref name="partitionKey"/>.</summary>
    Task WriteAsync(string partitionKey, PartitionSlice slice, CancellationToken cancellationToken = default);

    /// <summary>The slice <paramref name="header"/> (stored without recipients) with its <paramref name="count"/> recipients put back.</summary>
    Task<PartitionSlice> ReadAsync(string partitionKey, PartitionSlice header, int count, CancellationToken cancellationToken = default);

    /// <summary>Forgets the recipients of a discarded partition.</summary>
    Task DeleteAsync(string partitionKey, CancellationToken cancellationToken = default);
}

/// <summary>In-memory storage: recipients stay in grain state, which costs nothing to rewrite there.</summary>
public sealed class GrainStateRecipientRows : IRecipientRowStore
{
    /// <inheritdoc />
    public bool IsExternal => false;

    /// <inheritdoc />
    public Task WriteAsync(string partitionKey, PartitionSlice slice, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Recipients stay in grain state with in-memory storage.");

    /// <inheritdoc />
    public Task<PartitionSlice> ReadAsync(string partitionKey, PartitionSlice header, int count, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Recipients stay in grain state with in-memory storage.");

    /// <inheritdoc />
    public Task DeleteAsync(string partitionKey, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>Helpers over <see cref="PartitionSlice"/> for stores that keep recipients apart from it.</summary>
public static class PartitionSliceHeaders
{
    /// <summary>The slice without its recipients: what grain state keeps when the rows are stored elsewhere.</summary>
    public static PartitionSlice WithoutRecipients(this PartitionSlice slice) =>
        slice with
        {
            Numbers = [], InvalidIndexes = [], InvalidTexts = [],
            // The names stay: stored rows hold values parallel to them.
            Variables = VariableTable.Empty with { Names = slice.Variables?.Names ?? [] },
        };
}
