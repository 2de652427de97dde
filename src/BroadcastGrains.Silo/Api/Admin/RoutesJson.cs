using BroadcastGrains.Routing;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary>One route as <c>PUT/GET /v1/admin/routes</c> write it; <c>strategy</c> is <c>failover</c> or <c>roundRobin</c>.</summary>
internal sealed record RouteJson(
    string? Code, IReadOnlyList<string>? Countries, IReadOnlyList<string>? Prefixes, IReadOnlyList<string>? ClientIds,
    IReadOnlyList<string>? Connectors, string? Strategy, decimal? PricePerSegment, decimal? MmsPerMessage)
{
    public const string Failover = "failover";
    public const string RoundRobin = "roundRobin";

    public static RouteJson Of(RouteDefinition route) => new(route.Code, route.Countries, route.Prefixes, route.ClientIds,
        route.Connectors, route.Strategy == RouteStrategy.RoundRobin ? RoundRobin : Failover, route.PricePerSegment, route.MmsPerMessage);

    /// <summary>The strategy named by <paramref name="strategy"/> (absent: failover), or null when it names none.</summary>
    public static RouteStrategy? StrategyOf(string? strategy) => strategy switch
    {
        null or Failover => RouteStrategy.Failover,
        RoundRobin => RouteStrategy.RoundRobin,
        _ => null,
    };
}

/// <summary>The body of <c>PUT /v1/admin/routes</c>: the whole table.</summary>
internal sealed record RoutesRequest(IReadOnlyList<RouteJson?>? Routes);

/// <summary>
/// The routing table: its routes in order, its version (one more with every replacement) and, while no table is set,
/// the implicit <c>default</c> route that stands in (every connector in configuration order, failover).
/// </summary>
internal sealed record RoutesView(IReadOnlyList<RouteJson> Routes, long Version, DateTimeOffset? UpdatedAt, RouteJson? DefaultRoute)
{
    public static RoutesView Of(RoutingTable table, IReadOnlyList<ConnectorDescriptor> connectors) =>
        new([.. table.Routes.Select(RouteJson.Of)], table.Version, table.UpdatedAt,
            table.IsSet ? null : RouteJson.Of(CompiledRoutes.ImplicitRoute(connectors)));
}

/// <summary>The answer of <c>GET /v1/admin/connectors</c>.</summary>
internal sealed record ConnectorsView(IReadOnlyList<ConnectorView> Items);
