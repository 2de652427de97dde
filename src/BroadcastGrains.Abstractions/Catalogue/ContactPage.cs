namespace BroadcastGrains.Catalogue;

/// <summary>A page of a list's contacts; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("contact-page")]
public sealed record ContactPage(
    [property: Id(0)] IReadOnlyList<ContactView> Items,
    [property: Id(1)] string? NextCursor);
