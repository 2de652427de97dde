namespace BroadcastGrains.Catalogue;

/// <summary>List ids of a page and the position after its last one (null when there are no more).</summary>
[GenerateSerializer, Immutable, Alias("contact-list-id-page")]
public sealed record ContactListIdPage(
    [property: Id(0)] IReadOnlyList<string> Ids,
    [property: Id(1)] long? NextAfter);
