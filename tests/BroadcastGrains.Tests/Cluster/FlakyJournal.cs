using System.Collections.Concurrent;
using BroadcastGrains.Partitions.Journal;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// A durable partition journal kept in memory, whose appends fail while <see cref="Failing"/> is set: the journal write
/// of a PostgreSQL outage, without an outage.
/// </summary>
public sealed class FlakyJournal : IPartitionJournal
{
    readonly ConcurrentDictionary<string, List<JournalEntry>> _entries = new(StringComparer.Ordinal);

    /// <summary>While true, every append throws and stores nothing.</summary>
    public volatile bool Failing;

    public bool IsDurable => true;

    public Task AppendAsync(string partitionKey, JournalEntry entry, Guid writer, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new IOException("the journal is unreachable (FlakyJournal.Failing)");
        }
        var log = _entries.GetOrAdd(partitionKey, _ => []);
        lock (log)
        {
            log.Add(entry);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string partitionKey, long afterSeq, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(Stored(partitionKey).Where(e => e.Seq > afterSeq).ToList());

    public Task TrimAsync(string partitionKey, long throughSeq, CancellationToken cancellationToken = default) =>
        Task.CompletedTask; // kept whole, so a test can read everything that was ever made durable

    /// <summary>Every entry stored for the partition, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Stored(string partitionKey)
    {
        if (!_entries.TryGetValue(partitionKey, out var log))
        {
            return [];
        }
        lock (log)
        {
            return [.. log];
        }
    }
}
