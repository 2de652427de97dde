namespace BroadcastGrains.Routing;

/// <summary>
/// The operator's routing table as stored. <see cref="Version"/> grows with every replacement, so a silo that cached a
/// compiled table can ask cheaply whether it is still current. An empty <see cref="Routes"/> means no table is set: the
/// implicit <c>default</c> route sends through every connector in configuration order.
/// </summary>
[GenerateSerializer, Immutable, Alias("routing-table")]
public sealed record RoutingTable(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<RouteDefinition> Routes,
    [property: Id(2)] DateTimeOffset? UpdatedAt)
{
    /// <summary>The code of the route that stands in when no table is set.</summary>
    public const string DefaultRouteCode = "default";

    /// <summary>A cluster's table before an operator sets one.</summary>
    public static RoutingTable Unset { get; } = new(0, [], null);

    /// <summary>True when an operator has set routes.</summary>
    public bool IsSet => Routes.Count > 0;

    /// <summary>
    /// True when a broadcast may force route <paramref name="code"/>: a route of the table, or <c>default</c> while no
    /// table is set.
    /// </summary>
    public bool Has(string code) =>
        IsSet ? Routes.Any(r => string.Equals(r.Code, code, StringComparison.Ordinal)) : code == DefaultRouteCode;
}
