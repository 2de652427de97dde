using System.Collections.Concurrent;

namespace BroadcastGrains.Carrier.Simulator;

/// <summary>
/// Remembers every (partition, index) the simulator took, to count submissions of the same message twice — the one
/// thing a partition's exactly-once bookkeeping must never do. Test and benchmark aid only: it grows without bound.
/// </summary>
internal sealed class SubmissionTracker
{
    readonly ConcurrentDictionary<string, HashSet<int>> _seenByPartition = new(StringComparer.Ordinal);
    long _duplicates;

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public void Record(SubmitBatch batch, int count)
    {
        // A retry run sends the same (partition, index) again on purpose; each round is its own exactly-once set.
        var key = batch.Round == 0 ? batch.PartitionKey : $"{batch.PartitionKey}#{batch.Round}";
        var seen = _seenByPartition.GetOrAdd(key, static _ => []);
        var duplicates = 0;

        // One lock per partition: partitions submit concurrently, but one partition's batches rarely overlap in time.
        lock (seen)
        {
            for (var i = 0; i < count; i++)
            {
                if (!seen.Add(batch.Indexes[i]))
                {
                    duplicates++;
                }
            }
        }
        if (duplicates > 0)
        {
            Interlocked.Add(ref _duplicates, duplicates);
        }
    }
}
