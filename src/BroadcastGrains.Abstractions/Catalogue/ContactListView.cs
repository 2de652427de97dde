namespace BroadcastGrains.Catalogue;

/// <summary>A contact list as <c>GET /v1/contact-lists/{id}</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("contact-list-view")]
public sealed record ContactListView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long ContactCount,
    [property: Id(3)] DateTimeOffset CreatedAt);

/// <summary>
/// What an upload did: <see cref="Added"/> new contacts, <see cref="Updated"/> contacts the list had already (their
/// variables replaced), <see cref="Invalid"/> rows that are no valid phone number, <see cref="Duplicates"/> rows that
/// repeat a number earlier in the same upload, <see cref="Refused"/> valid rows not added because the list is full.
/// </summary>
[GenerateSerializer, Immutable, Alias("contact-upload-result")]
public sealed record ContactUploadResult(
    [property: Id(0)] long Added,
    [property: Id(1)] long Updated,
    [property: Id(2)] long Invalid,
    [property: Id(3)] long Duplicates,
    [property: Id(4)] long Refused = 0,
    [property: Id(5)] BroadcastGrains.Broadcasts.BroadcastError? Error = null)
{
    /// <summary>Nothing done.</summary>
    public static ContactUploadResult None { get; } = new(0, 0, 0, 0);

    /// <summary>The counts of two parts of one upload together.</summary>
    public ContactUploadResult Plus(ContactUploadResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Added + other.Added, Updated + other.Updated, Invalid + other.Invalid, Duplicates + other.Duplicates,
            Refused + other.Refused);
    }
}
