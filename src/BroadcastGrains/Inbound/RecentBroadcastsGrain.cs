using BroadcastGrains.Catalogue;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Inbound;

[GrainType("recent-broadcasts")]
internal sealed class RecentBroadcastsGrain(
    [PersistentState("recent-broadcasts", StorageNames.Grains)] IPersistentState<RecentBroadcastsState> recent,
    TimeProvider time)
    : Grain, IRecentBroadcastsGrain
{
    /// <summary>API.md: replies from recipients of a broadcast in the last 7 days count.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public async Task RecordAsync(string broadcastId, int run, int partitions, DateTimeOffset startedAt, string senderKey)
    {
        var runs = recent.State.Runs;
        if (runs.Exists(r => r.BroadcastId == broadcastId && r.Run == run))
        {
            return;
        }
        // The name's grain learns who sends from it, so a reply to a shared name (which its users never register)
        // finds this client; written first, so a run this grain remembers is always known there too.
        await GrainFactory.GetGrain<ISenderDirectoryGrain>(senderKey).NoteSentAsync(this.GetPrimaryKeyString(), startedAt);
        runs.RemoveAll(r => r.StartedAt < time.GetUtcNow() - Window);
        runs.Add(new RecentRun(broadcastId, run, partitions, startedAt, senderKey));
        await recent.WriteStateAsync();
    }

    public async Task<string?> FindAsync(long phone, string senderKey)
    {
        var since = time.GetUtcNow() - Window;
        // A run recorded before runs named their sender (null) may have used any; the window retires such runs in a week.
        var runs = recent.State.Runs
            .Where(r => r.StartedAt >= since && (r.SenderKey is null || r.SenderKey == senderKey))
            .OrderByDescending(r => r.StartedAt);
        foreach (var run in runs)
        {
            if (await GrainFactory.GetGrain<IReplyIndexGrain>(ReplyIndexGrain.Key(run)).ContainsAsync(phone))
            {
                return run.BroadcastId;
            }
        }
        return null;
    }
}

[GenerateSerializer, Immutable, Alias("recent-run")]
internal sealed record RecentRun(
    [property: Id(0)] string BroadcastId,
    [property: Id(1)] int Run,
    [property: Id(2)] int Partitions,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] string? SenderKey = null);

[GenerateSerializer, Alias("recent-broadcasts-state")]
internal sealed class RecentBroadcastsState
{
    [Id(0)] public List<RecentRun> Runs { get; set; } = [];
}
