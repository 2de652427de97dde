using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Catalogue;

/// <summary>
/// A contact list (<c>lst_…</c>), up to 2,000,000 de-duplicated contacts kept in shards by number. Every method takes
/// the calling client's id and answers as if the list did not exist for any other client.
/// </summary>
[Alias("contact-list")]
public interface IContactListGrain : IGrainWithStringKey
{
    /// <summary>The most contacts one list holds.</summary>
    public const int MaxContacts = 2_000_000;

    /// <summary>Creates the empty list; answers the stored list (null when the id belongs to another client).</summary>
    [Alias("create")]
    Task<ContactListView?> CreateAsync(string clientId, string name);

    /// <summary>The list, or null when it does not exist for this client.</summary>
    [Alias("get")]
    Task<ContactListView?> GetAsync(string clientId);

    /// <summary>
    /// Adds a whole upload, given in the batches it was read in, or nothing: a refusal (the list would hold more than
    /// <see cref="MaxContacts"/> contacts or more than 50 variable names) is answered in <see cref="ContactUploadResult.Error"/>
    /// and changes no contact. Entries are given as in a create request; variables replace a known contact's.
    /// Null when the list does not exist for this client.
    /// </summary>
    [Alias("add-upload")]
    Task<ContactUploadResult?> AddContactsAsync(string clientId, IReadOnlyList<RecipientInput> upload, string? defaultRegion);

    /// <summary>Renames the list; null when it does not exist for this client.</summary>
    [Alias("rename")]
    Task<ContactListView?> RenameAsync(string clientId, string name);

    /// <summary>Deletes the list and its contacts; false when it does not exist for this client.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync(string clientId);

    /// <summary>
    /// Up to <paramref name="limit"/> contacts after <paramref name="cursor"/> (null: from the start); null when the list
    /// does not exist for this client or the cursor is not one it gave.
    /// </summary>
    [Alias("contacts")]
    Task<ContactPage?> ListContactsAsync(string clientId, string? cursor, int limit);

    /// <summary>Removes the contact with E.164 digits <paramref name="number"/>; false when the list (for this client) has no such contact.</summary>
    [Alias("remove-contact")]
    Task<bool> RemoveContactAsync(string clientId, long number);

    /// <summary>Every contact as recipients (E.164 numbers and their variables), or null when the list does not exist for this client.</summary>
    [Alias("read")]
    Task<RecipientInput?> ReadAsync(string clientId);
}
