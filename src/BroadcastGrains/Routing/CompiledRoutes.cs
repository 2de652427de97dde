using System.Collections.Concurrent;

namespace BroadcastGrains.Routing;

/// <summary>
/// A routing table ready for millions of look-ups: routes in order, and per (client, region) a <see cref="RouteGroup"/>
/// built on first use and kept, so matching a recipient is a trie walk with no allocation. With no table set it holds
/// the one implicit <c>default</c> route over every connector in configuration order, <c>failover</c>.
/// </summary>
public sealed class CompiledRoutes
{
    readonly CompiledRoute[] _routes;
    readonly Dictionary<string, int> _byCode;
    readonly ConcurrentDictionary<(string? ClientId, string Region), RouteGroup> _groups = new();

    CompiledRoutes(long version, bool isImplicit, CompiledRoute[] routes)
    {
        Version = version;
        IsImplicit = isImplicit;
        _routes = routes;
        _byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Length; i++)
        {
            _byCode.TryAdd(routes[i].Code, i);
        }
    }

    /// <summary>The stored table's version this was compiled from.</summary>
    public long Version { get; }

    /// <summary>True when no table is set and the implicit <c>default</c> route stands in.</summary>
    public bool IsImplicit { get; }

    /// <summary>Routes in the table.</summary>
    public int Count => _routes.Length;

    /// <summary>The route at <paramref name="order"/> (as <see cref="RouteGroup.Match"/> answers).</summary>
    public CompiledRoute this[int order] => _routes[order];

    /// <summary>The order of the route coded <paramref name="code"/> (a broadcast's forced <c>route</c>), or -1.</summary>
    public int IndexOf(string code) => _byCode.GetValueOrDefault(code, -1);

    /// <summary>The matcher of one (client, region); callers keep it while neighbouring recipients share the region.</summary>
    public RouteGroup For(string? clientId, string region) =>
        _groups.GetOrAdd((clientId, region), static (key, table) => new RouteGroup(table, key.ClientId, key.Region), this);

    /// <summary>The order of the route of <paramref name="number"/> (E.164 digits) in <paramref name="region"/>, or -1.</summary>
    public int Match(string? clientId, string region, long number) => For(clientId, region).Match(number);

    /// <summary>Compiles <paramref name="table"/> against the connectors of configuration, in their order.</summary>
    public static CompiledRoutes Compile(RoutingTable table, IReadOnlyList<ConnectorDescriptor> connectors)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(connectors);
        var definitions = table.IsSet ? table.Routes : [ImplicitRoute(connectors)];
        return new CompiledRoutes(table.Version, !table.IsSet, [.. definitions.Select(d => new CompiledRoute(d, connectors))]);
    }

    /// <summary>The route that stands in when no table is set: every connector in configuration order, failover.</summary>
    public static RouteDefinition ImplicitRoute(IReadOnlyList<ConnectorDescriptor> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        return new RouteDefinition(RoutingTable.DefaultRouteCode, null, null, null, [.. connectors.Select(c => c.Name)],
            RouteStrategy.Failover, null, null);
    }
}
