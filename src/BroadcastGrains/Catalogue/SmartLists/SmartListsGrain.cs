using BroadcastGrains.Broadcasts;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.SmartLists;

/// <summary>A client's smart-list definitions: a few small records, never contacts.</summary>
[GrainType("smart-lists")]
internal sealed class SmartListsGrain(
    [PersistentState("smart-lists", StorageNames.Grains)] IPersistentState<SmartListsState> lists)
    : Grain, ISmartListsGrain
{
    public async Task<BroadcastError?> CreateAsync(SmartListView smartList)
    {
        if (SmartListMatcher.Refuse(smartList.Where) is { } refused)
        {
            return refused;
        }
        if (lists.State.Lists.Any(l => l.Slug == smartList.Slug))
        {
            return BroadcastError.Field(ErrorCodes.InvalidState, "slug", $"a smart list '{smartList.Slug}' exists already");
        }
        lists.State.Lists.Add(smartList);
        await lists.WriteStateAsync();
        return null;
    }

    public async Task<long?> PreviewAsync(string slug)
    {
        if (lists.State.Lists.FirstOrDefault(l => l.Slug == slug) is not { } smart)
        {
            return null;
        }
        var clientId = this.GetPrimaryKeyString();
        long count = 0;
        // List by list: one list's contacts in memory at a time. A contact in two lists counts in each.
        foreach (var listId in smart.ListIds)
        {
            if (await GrainFactory.GetGrain<IContactListGrain>(listId).ReadAsync(clientId) is not { } contacts)
            {
                return null;
            }
            count += SmartListMatcher.Count(contacts, smart.Where);
        }
        return count;
    }

    public Task<SmartListView?> GetAsync(string slug) => Task.FromResult(lists.State.Lists.FirstOrDefault(l => l.Slug == slug));

    public Task<IReadOnlyList<SmartListView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SmartListView>>([.. lists.State.Lists.OrderBy(l => l.Slug, StringComparer.Ordinal)]);

    public async Task<bool> DeleteAsync(string slug)
    {
        if (lists.State.Lists.RemoveAll(l => l.Slug == slug) == 0)
        {
            return false;
        }
        await lists.WriteStateAsync();
        return true;
    }
}

[GenerateSerializer, Alias("smart-lists-state")]
internal sealed class SmartListsState
{
    [Id(0)] public List<SmartListView> Lists { get; set; } = [];
}
