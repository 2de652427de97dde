namespace BroadcastGrains.Catalogue;

/// <summary>
/// A client's contact lists, in the order they were created (keyed by client id): ids only, so the index stays small
/// however big the lists are. The lists themselves answer their names and counts.
/// </summary>
[Alias("contact-list-index")]
public interface IContactListIndexGrain : IGrainWithStringKey
{
    /// <summary>Lists a new list (again: no change).</summary>
    [Alias("add")]
    Task AddAsync(string listId);

    /// <summary>Forgets a deleted list.</summary>
    [Alias("remove")]
    Task RemoveAsync(string listId);

    /// <summary>Up to <paramref name="limit"/> list ids after position <paramref name="after"/>, and the position to go on from (null at the end).</summary>
    [Alias("page")]
    Task<ContactListIdPage> PageAsync(long? after, int limit);
}
