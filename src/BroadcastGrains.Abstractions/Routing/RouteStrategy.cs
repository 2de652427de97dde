namespace BroadcastGrains.Routing;

/// <summary>How a route spreads its messages over its connectors.</summary>
public enum RouteStrategy
{
    /// <summary>Each message goes to the first connector of the route that is up.</summary>
    Failover,
    /// <summary>Messages are spread over the connectors that are up, in proportion to their submit rates.</summary>
    RoundRobin,
}
