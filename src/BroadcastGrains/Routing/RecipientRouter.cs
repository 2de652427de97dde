namespace BroadcastGrains.Routing;

/// <summary>
/// Routing for one pass of one partition over its recipients (one client, one message): which route each recipient
/// takes, whether it can go at all, and at submit time which connector takes it. A broadcast's forced route takes
/// every recipient whatever the filters. Keeps the last region's <see cref="RouteGroup"/>, since neighbouring
/// recipients mostly share a country, so routing a recipient is a trie walk: no allocation, no grain call. One
/// instance per pass, not shared between threads (the pickers it hands to are).
/// </summary>
public sealed class RecipientRouter
{
    readonly CompiledRoutes _routes;
    readonly string? _clientId;
    readonly int _forced;
    readonly bool _isMms;
    string? _lastRegion;
    RouteGroup? _lastGroup;

    /// <summary>
    /// A router over <paramref name="routes"/> for <paramref name="clientId"/>'s message; <paramref name="forcedRoute"/>
    /// is the broadcast's <c>route</c> (checked at create: an unknown code here, after a table change, routes nothing).
    /// </summary>
    public RecipientRouter(CompiledRoutes routes, string? clientId, string? forcedRoute, bool isMms)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _routes = routes;
        _clientId = clientId;
        _isMms = isMms;
        _forced = forcedRoute is null ? -2 : routes.IndexOf(forcedRoute);
    }

    /// <summary>The table this router reads (its version tells which table a decision was made by).</summary>
    public CompiledRoutes Routes => _routes;

    /// <summary>The order of the route of <paramref name="number"/> (E.164 digits) of <paramref name="region"/>, or -1.</summary>
    public int RouteOf(long number, string region)
    {
        if (_forced != -2)
        {
            return _forced;
        }
        if (!ReferenceEquals(region, _lastRegion) || _lastGroup is null)
        {
            (_lastRegion, _lastGroup) = (region, _routes.For(_clientId, region));
        }
        return _lastGroup.Match(number);
    }

    /// <summary>Whether a recipient of route <paramref name="route"/> can be sent at all.</summary>
    public RouteVerdict Check(int route) =>
        route < 0 ? RouteVerdict.NoRoute
        : _isMms && !_routes[route].SupportsMms ? RouteVerdict.MmsNotSupported
        : RouteVerdict.Routed;

    /// <summary>
    /// The connector for a message of <paramref name="parts"/> parts of route <paramref name="route"/> now, or -1 when
    /// none of the route's connectors (that carry MMS, for an MMS) is up: the message waits within its validity.
    /// </summary>
    public int ConnectorFor(int route, IConnectorStates states, int parts)
    {
        var chosen = _routes[route];
        return (_isMms ? chosen.MmsPicker : chosen.Picker).Pick(states, parts);
    }
}
