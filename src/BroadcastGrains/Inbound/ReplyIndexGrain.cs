using System.Globalization;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Inbound;

/// <summary>
/// The numbers a run sent to, sorted, in memory only: built from the run's partitions on first use and again when a
/// minute old (the run may still be sending). Nothing is written on the send path, and a restart loses nothing: the
/// partitions are the record. 2,000,000 numbers take 16 MB while the grain is active.
/// </summary>
[GrainType("reply-index")]
internal sealed class ReplyIndexGrain(TimeProvider time) : Grain, IReplyIndexGrain
{
    static readonly TimeSpan RebuildAfter = TimeSpan.FromMinutes(1);

    Task<long[]>? _loading;
    DateTimeOffset _builtAt;

    public static string Key(RecentRun run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.BroadcastId}/{run.Run}/{run.Partitions}");

    public async Task<bool> ContainsAsync(long phone)
    {
        if (_loading is null || (_loading.IsCompleted && time.GetUtcNow() - _builtAt > RebuildAfter))
        {
            _builtAt = time.GetUtcNow();
            _loading = LoadAsync();
        }
        return Array.BinarySearch(await _loading, phone) >= 0;
    }

    async Task<long[]> LoadAsync()
    {
        var (broadcastId, run, partitions) = PartitionKeys.Parse(this.GetPrimaryKeyString());
        var parts = await Task.WhenAll(Enumerable.Range(0, partitions)
            .Select(p => GrainFactory.GetGrain<IRecipientPartitionGrain>(PartitionKeys.Format(broadcastId, run, p)).GetSentNumbersAsync()));
        var numbers = parts.SelectMany(p => p).ToArray();
        Array.Sort(numbers);
        return numbers;
    }
}
