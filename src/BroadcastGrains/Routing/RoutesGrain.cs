using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Routing;

/// <summary>
/// Keeps the operator's routing table. Checks a replacement against the connectors of configuration (the same on every
/// silo) before storing it, so a refused table changes nothing; every replacement takes the next version, which is how
/// silos notice it.
/// </summary>
[GrainType("routes")]
internal sealed class RoutesGrain(
    [PersistentState("routes", StorageNames.Grains)] IPersistentState<RoutesState> routes,
    ConnectorRegistry connectors,
    TimeProvider time)
    : Grain, IRoutesGrain
{
    RoutingTable Current => routes.State.Table ?? RoutingTable.Unset;

    public Task<RoutingTable> GetAsync() => Task.FromResult(Current);

    public Task<RoutingTable?> GetIfChangedAsync(long knownVersion) =>
        Task.FromResult(Current.Version == knownVersion ? null : Current);

    public async Task<RoutingTableChange> ReplaceAsync(IReadOnlyList<RouteDefinition> replacement)
    {
        var errors = RouteRules.Check(replacement, [.. connectors.Descriptors.Select(d => d.Name)]);
        if (errors.Count > 0)
        {
            return new RoutingTableChange(null, errors);
        }
        var table = new RoutingTable(Current.Version + 1, [.. replacement.Select(Normalised)], time.GetUtcNow());
        routes.State.Table = table;
        await routes.WriteStateAsync();
        return new RoutingTableChange(table, null);
    }

    // Countries are matched upper-case; lists are copied so the stored table never shares a caller's collection.
    static RouteDefinition Normalised(RouteDefinition route) => route with
    {
        Countries = route.Countries is null ? null : [.. route.Countries.Select(c => c.ToUpperInvariant())],
        Prefixes = route.Prefixes is null ? null : [.. route.Prefixes],
        ClientIds = route.ClientIds is null ? null : [.. route.ClientIds],
        Connectors = [.. route.Connectors],
    };
}

[GenerateSerializer, Alias("routes-state")]
internal sealed class RoutesState
{
    [Id(0)] public RoutingTable? Table { get; set; }
}
