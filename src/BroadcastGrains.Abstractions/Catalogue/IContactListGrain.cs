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
    /// Adds one batch of an upload (<paramref name="uploadId"/> names the upload, so a number repeated in a later batch of
    /// it counts as a duplicate). Entries are given as in a create request; variables replace a known contact's.
    /// Null when the list does not exist for this client.
    /// </summary>
    [Alias("add")]
    Task<ContactUploadResult?> AddContactsAsync(string clientId, string uploadId, RecipientInput contacts, string? defaultRegion);

    /// <summary>Every contact as recipients (E.164 numbers and their variables), or null when the list does not exist for this client.</summary>
    [Alias("read")]
    Task<RecipientInput?> ReadAsync(string clientId);
}
