using System.Globalization;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Inbound;

/// <summary>
/// The numbers a run sent to, sorted, in memory only: built from the run's partitions on first use. While a partition
/// may still send, a miss rebuilds the index (at most once a second) and looks again, so a reply from a number sent
/// after the build is still attributed; once every partition is done the index is final. Nothing is written on the
/// send path, and a restart loses nothing: the partitions are the record. 2,000,000 numbers take 16 MB while active.
/// </summary>
[GrainType("reply-index")]
internal sealed class ReplyIndexGrain(TimeProvider time) : Grain, IReplyIndexGrain
{
    /// <summary>How old an unfinished index must be before a miss rebuilds it: a flood of unknown numbers mid-send rebuilds once a second, not once a message.</summary>
    static readonly TimeSpan RebuildAfter = TimeSpan.FromSeconds(1);

    Task<Index>? _loading;

    public static string Key(RecentRun run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.BroadcastId}/{run.Run}/{run.Partitions}");

    public async Task<bool> ContainsAsync(long phone)
    {
        // A build that failed (a partition unreachable) is tried again by the next call, not remembered.
        if (_loading is null || _loading.IsFaulted)
        {
            _loading = LoadAsync();
        }
        var loading = _loading;
        var index = await loading;
        var found = index.Contains(phone);
        if (found || !index.MoreToCome || time.GetUtcNow() - index.BuiltAt < RebuildAfter)
        {
            return found;
        }
        // Calls interleave (read-only): the first to miss starts the rebuild, the others await the same one.
        if (ReferenceEquals(_loading, loading))
        {
            _loading = LoadAsync();
        }
        return (await _loading).Contains(phone);
    }

    async Task<Index> LoadAsync()
    {
        var builtAt = time.GetUtcNow();
        var (broadcastId, run, partitions) = PartitionKeys.Parse(this.GetPrimaryKeyString());
        var parts = await Task.WhenAll(Enumerable.Range(0, partitions)
            .Select(p => GrainFactory.GetGrain<IRecipientPartitionGrain>(PartitionKeys.Format(broadcastId, run, p)).GetSentNumbersAsync()));
        var numbers = parts.SelectMany(p => p.Numbers).ToArray();
        Array.Sort(numbers);
        return new Index(numbers, parts.Any(p => p.MoreToCome), builtAt);
    }

    sealed record Index(long[] Numbers, bool MoreToCome, DateTimeOffset BuiltAt)
    {
        public bool Contains(long phone) => Array.BinarySearch(Numbers, phone) >= 0;
    }
}
