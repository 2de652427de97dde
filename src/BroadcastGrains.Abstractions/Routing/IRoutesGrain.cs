namespace BroadcastGrains.Routing;

/// <summary>The cluster's routing table (API.md "Connectors and routes"). One durable grain, key <see cref="Key"/>.</summary>
[Alias("routes-grain")]
public interface IRoutesGrain : IGrainWithStringKey
{
    /// <summary>The one key this grain lives at.</summary>
    public const string Key = "global";

    /// <summary>The whole table (<see cref="RoutingTable.Unset"/> before an operator sets one).</summary>
    [Alias("get")]
    Task<RoutingTable> GetAsync();

    /// <summary>
    /// The table when its version differs from <paramref name="knownVersion"/>, else null: what a silo polls to keep
    /// its compiled copy current without shipping the table each time.
    /// </summary>
    [Alias("get-if-changed")]
    Task<RoutingTable?> GetIfChangedAsync(long knownVersion);

    /// <summary>
    /// Replaces the table whole after checking it against the configured connectors; an empty list clears it (back to
    /// the implicit <c>default</c> route). Refused tables change nothing.
    /// </summary>
    [Alias("replace")]
    Task<RoutingTableChange> ReplaceAsync(IReadOnlyList<RouteDefinition> routes);
}
