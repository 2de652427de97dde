namespace BroadcastGrains.Catalogue;

/// <summary>One contact of a list as <c>GET /v1/contact-lists/{id}/contacts</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("contact-view")]
public sealed record ContactView(
    [property: Id(0)] string Phone,
    [property: Id(1)] IReadOnlyDictionary<string, string> Variables,
    [property: Id(2)] DateTimeOffset AddedAt);
