namespace BroadcastGrains.Catalogue;

/// <summary>A client's smart lists by slug (keyed by client id): definitions only; the contacts stay in their lists.</summary>
[Alias("smart-lists")]
public interface ISmartListsGrain : IGrainWithStringKey
{
    /// <summary>Stores a new smart list; a refusal (a condition that cannot be evaluated, the slug taken) stores nothing.</summary>
    [Alias("create")]
    Task<BroadcastGrains.Broadcasts.BroadcastError?> CreateAsync(SmartListView smartList);

    /// <summary>How many contacts the smart list holds now, or null when there is no such smart list (or one of its lists is gone).</summary>
    [Alias("preview")]
    Task<long?> PreviewAsync(string slug);

    /// <summary>The smart list, or null.</summary>
    [Alias("get")]
    Task<SmartListView?> GetAsync(string slug);

    /// <summary>Every smart list of the client, by slug.</summary>
    [Alias("list")]
    Task<IReadOnlyList<SmartListView>> ListAsync();

    /// <summary>Deletes it; false when there is none.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync(string slug);
}
