using BroadcastGrains.Broadcasts;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Links;

/// <summary>Sums the broadcast's clicks: the aggregate count plus each partition's latest running totals.</summary>
[GrainType("broadcast-clicks")]
internal sealed class BroadcastClicksGrain(
    [PersistentState("broadcast-clicks", StorageNames.Grains)] IPersistentState<BroadcastClicksState> clicks)
    : Grain, IBroadcastClicksGrain
{
    public async Task AddAsync(long total)
    {
        clicks.State.Aggregate += total;
        await clicks.WriteStateAsync();
    }

    public async Task ReportAsync(int partition, long total, long unique)
    {
        // Running totals only grow, so the larger one is the newer: a late or repeated report is ignored.
        if (clicks.State.Partitions.TryGetValue(partition, out var known) && known.Total >= total)
        {
            return;
        }
        clicks.State.Partitions[partition] = new ClickTotals(total, unique);
        await clicks.WriteStateAsync();
    }

    public Task<ClickTotals> GetAsync()
    {
        var (total, unique) = (clicks.State.Aggregate, 0L);
        foreach (var partition in clicks.State.Partitions.Values)
        {
            (total, unique) = (total + partition.Total, unique + partition.Unique);
        }
        return Task.FromResult(new ClickTotals(total, unique));
    }
}

/// <summary>Aggregate clicks, and the running totals of each partition (at most one entry per partition).</summary>
[GenerateSerializer, Alias("broadcast-clicks-state")]
public sealed class BroadcastClicksState
{
    [Id(0)] public long Aggregate { get; set; }
    [Id(1)] public Dictionary<int, ClickTotals> Partitions { get; set; } = [];
}
