namespace BroadcastGrains.Broadcasts;

/// <summary>A client's broadcasts, newest first. Keyed by client id.</summary>
[Alias("client-broadcasts")]
public interface IClientBroadcastsGrain : IGrainWithStringKey
{
    /// <summary>Records a broadcast (idempotent) or its new status.</summary>
    [Alias("upsert")]
    Task UpsertAsync(string broadcastId, BroadcastStatus status, DateTimeOffset createdAt);

    /// <summary>Forgets a broadcast whose create was undone (a no-op when it has no row).</summary>
    [Alias("remove")]
    Task RemoveAsync(string broadcastId);

    /// <summary>Broadcast ids newest first, after <paramref name="cursor"/> when given.</summary>
    [Alias("list")]
    Task<BroadcastIdPage> ListAsync(BroadcastStatus? status, string? cursor, int limit);
}

/// <summary>A page of broadcast ids, newest first.</summary>
[GenerateSerializer, Immutable, Alias("broadcast-id-page")]
public sealed record BroadcastIdPage(
    [property: Id(0)] IReadOnlyList<string> Ids,
    [property: Id(1)] string? NextCursor);
