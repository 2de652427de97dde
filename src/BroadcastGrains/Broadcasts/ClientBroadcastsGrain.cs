using System.Globalization;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Broadcasts;

/// <summary>A client's broadcast index: one small row per broadcast, newest last, so listing never visits every broadcast grain.</summary>
[GrainType("client-broadcasts")]
internal sealed class ClientBroadcastsGrain(
    [PersistentState("client-broadcasts", StorageNames.Grains)] IPersistentState<ClientBroadcastsState> index)
    : Grain, IClientBroadcastsGrain
{
    public async Task UpsertAsync(string broadcastId, BroadcastStatus status, DateTimeOffset createdAt)
    {
        var rows = index.State.Rows;
        var at = rows.FindLastIndex(r => r.Id == broadcastId);
        if (at >= 0 && rows[at].Status == status)
        {
            return;
        }
        if (at >= 0)
        {
            rows[at] = rows[at] with { Status = status };
        }
        else
        {
            rows.Add(new BroadcastIndexRow(broadcastId, status, createdAt));
        }
        await index.WriteStateAsync();
    }

    public async Task RemoveAsync(string broadcastId)
    {
        // Cursors are positions, so a removal moves a pager's place by a row; only undone creates are ever removed.
        if (index.State.Rows.RemoveAll(r => r.Id == broadcastId) > 0)
        {
            await index.WriteStateAsync();
        }
    }

    public Task<BroadcastIdPage> ListAsync(BroadcastStatus? status, string? cursor, int limit)
    {
        limit = Math.Clamp(limit, 1, 1000);
        var rows = index.State.Rows;
        // The cursor is the position (from the oldest) of the last row returned; rows are only ever appended.
        var start = cursor is not null && int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            ? Math.Min(c, rows.Count) - 1
            : rows.Count - 1;
        var ids = new List<string>(limit);
        var i = start;
        for (; i >= 0 && ids.Count < limit; i--)
        {
            if (status is null || rows[i].Status == status)
            {
                ids.Add(rows[i].Id);
            }
        }
        var more = false;
        for (var j = i; j >= 0 && !more; j--)
        {
            more = status is null || rows[j].Status == status;
        }
        var next = more ? (i + 1).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new BroadcastIdPage(ids, next));
    }
}

[GenerateSerializer, Immutable, Alias("broadcast-index-row")]
internal sealed record BroadcastIndexRow(
    [property: Id(0)] string Id,
    [property: Id(1)] BroadcastStatus Status,
    [property: Id(2)] DateTimeOffset CreatedAt);

[GenerateSerializer, Alias("client-broadcasts-state")]
internal sealed class ClientBroadcastsState
{
    [Id(0)] public List<BroadcastIndexRow> Rows { get; set; } = [];
}
