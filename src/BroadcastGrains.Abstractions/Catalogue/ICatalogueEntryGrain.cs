namespace BroadcastGrains.Catalogue;

/// <summary>
/// Which client a catalogue entry (a sender <c>snd_…</c> or template <c>tpl_…</c>) belongs to, so the operator can act
/// on it by id alone. Keyed by the entry's id; written once.
/// </summary>
[Alias("catalogue-entry")]
public interface ICatalogueEntryGrain : IGrainWithStringKey
{
    /// <summary>Records the owner (the first one wins); answers the owner.</summary>
    [Alias("claim")]
    Task<string> ClaimAsync(string clientId);

    /// <summary>The owning client, or null.</summary>
    [Alias("owner")]
    Task<string?> GetOwnerAsync();
}
