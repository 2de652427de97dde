namespace BroadcastGrains.Catalogue;

/// <summary>An agency: an organisation whose keys act for the clients that name it with <c>agencyId</c>.</summary>
[GenerateSerializer, Immutable, Alias("agency-profile")]
public sealed record AgencyProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt);
