namespace BroadcastGrains.Routing;

/// <summary>
/// One row of the routing table. A recipient takes the first route whose filters all match; a null filter matches every
/// recipient. <see cref="Prefixes"/> are E.164 strings (<c>+25677</c>), <see cref="Countries"/> ISO 3166 alpha-2 regions.
/// </summary>
[GenerateSerializer, Immutable, Alias("route-definition")]
public sealed record RouteDefinition(
    [property: Id(0)] string Code,
    [property: Id(1)] IReadOnlyList<string>? Countries,
    [property: Id(2)] IReadOnlyList<string>? Prefixes,
    [property: Id(3)] IReadOnlyList<string>? ClientIds,
    [property: Id(4)] IReadOnlyList<string> Connectors,
    [property: Id(5)] RouteStrategy Strategy,
    [property: Id(6)] decimal? PricePerSegment,
    [property: Id(7)] decimal? MmsPerMessage);
