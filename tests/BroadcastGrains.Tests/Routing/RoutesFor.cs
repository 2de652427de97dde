using BroadcastGrains.Routing;

namespace BroadcastGrains.Tests.Routing;

/// <summary>Short ways to write routing tables in tests.</summary>
internal static class RoutesFor
{
    public static readonly ConnectorDescriptor[] TwoSmscs =
    [
        new("smsc-a", "Smpp", SupportsMms: false, MaxSubmitsPerSecond: 300, DailyLimit: 0),
        new("smsc-b", "Smpp", SupportsMms: false, MaxSubmitsPerSecond: 100, DailyLimit: 0),
        new("sim", "Simulator", SupportsMms: true, MaxSubmitsPerSecond: 0, DailyLimit: 0),
    ];

    public static RouteDefinition Route(string code, string[]? countries = null, string[]? prefixes = null,
        string[]? clients = null, string[]? connectors = null, RouteStrategy strategy = RouteStrategy.Failover,
        decimal? price = null) =>
        new(code, countries, prefixes, clients, connectors ?? ["smsc-a"], strategy, price, null);

    public static CompiledRoutes Compile(params RouteDefinition[] routes) =>
        CompiledRoutes.Compile(new RoutingTable(1, routes, null), TwoSmscs);

    public static string? CodeOf(CompiledRoutes routes, string? client, string region, long number) =>
        routes.Match(client, region, number) is var order and >= 0 ? routes[order].Code : null;
}
