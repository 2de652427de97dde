using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>Reading: the broadcast object, its runs, and its recipients a page at a time across partitions.</summary>
internal sealed partial class BroadcastGrain
{
    public async Task<BroadcastView?> GetAsync(string clientId) => Owns(clientId) ? await WithClicksAsync(View()) : null;

    /// <summary>The runs kept in state: the newest <see cref="BroadcastState.RunsKept"/> (and any older one still settling).</summary>
    public Task<IReadOnlyList<RunView>?> GetRunsAsync(string clientId) => Task.FromResult(Owns(clientId)
        ? State.Runs.Select(BroadcastViews.Of).ToList()
        : (IReadOnlyList<RunView>?)null);

    /// <summary>The recipients of the latest run that sent (or of the prepared recipients before any run).</summary>
    public async Task<RecipientPage?> GetRecipientsAsync(string clientId, RecipientStatus? status, string? cursor, int limit)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        limit = Math.Clamp(limit, 1, 1000);
        var (run, counts) = BroadcastViews.ShownRun(State);
        var (partition, from) = RecipientCursor.Parse(cursor);
        var items = new List<RecipientView>(limit);
        var partitions = counts.Length;
        while (partition < partitions && items.Count < limit)
        {
            if (status is { } wanted && counts[partition]?.Counts[(int)wanted] == 0)
            {
                (partition, from) = (partition + 1, 0);
                continue;
            }
            var key = PartitionKeys.Format(Id, run, partition);
            var page = await GrainFactory.GetGrain<IRecipientPartitionGrain>(key).GetRecipientsAsync(from, limit - items.Count, status);
            items.AddRange(page.Items);
            (partition, from) = page.Next < 0 ? (partition + 1, 0) : (partition, page.Next);
        }
        var next = partition < partitions ? RecipientCursor.Format(partition, from) : null;
        return new RecipientPage(items, next, BroadcastViews.Summary(counts));
    }

    BroadcastView View() => BroadcastViews.Of(Id, State);

    BroadcastView View(BroadcastState state) => BroadcastViews.Of(Id, state);
}
