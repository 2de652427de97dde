using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>
/// A client's contact lists in creation order. Each id carries a sequence number that never changes, so a cursor (the
/// last number read) stays right when lists before it are deleted.
/// </summary>
[GrainType("contact-list-index")]
internal sealed class ContactListIndexGrain(
    [PersistentState("contact-list-index", StorageNames.Grains)] IPersistentState<ContactListIndexState> index)
    : Grain, IContactListIndexGrain
{
    ContactListIndexState State => index.State;

    public async Task AddAsync(string listId)
    {
        if (State.Ids.Contains(listId))
        {
            return;
        }
        State.Ids.Add(listId);
        State.Sequence.Add(++State.LastSequence);
        await index.WriteStateAsync();
    }

    public async Task RemoveAsync(string listId)
    {
        var at = State.Ids.IndexOf(listId);
        if (at < 0)
        {
            return;
        }
        State.Ids.RemoveAt(at);
        State.Sequence.RemoveAt(at);
        await index.WriteStateAsync();
    }

    public Task<ContactListIdPage> PageAsync(long? after, int limit)
    {
        var start = after is { } last ? State.Sequence.FindIndex(s => s > last) : 0;
        if (start < 0 || start >= State.Ids.Count)
        {
            return Task.FromResult(new ContactListIdPage([], null));
        }
        var count = Math.Min(limit, State.Ids.Count - start);
        var end = start + count;
        return Task.FromResult(new ContactListIdPage(State.Ids.GetRange(start, count), end < State.Ids.Count ? State.Sequence[end - 1] : null));
    }
}

[GenerateSerializer, Alias("contact-list-index-state")]
internal sealed class ContactListIndexState
{
    [Id(0)] public List<string> Ids { get; set; } = [];
    [Id(1)] public List<long> Sequence { get; set; } = [];
    [Id(2)] public long LastSequence { get; set; }
}
