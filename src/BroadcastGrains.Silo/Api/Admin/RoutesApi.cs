using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary>
/// <c>PUT/GET /v1/admin/routes</c> and <c>GET /v1/admin/connectors</c>: the routing table, replaced whole, and the
/// configured connectors with their state on every silo.
/// </summary>
internal static class RoutesApi
{
    public static async Task<Results<Ok<RoutesView>, ProblemHttpResult>> ReplaceAsync(
        RoutesRequest? request, IGrainFactory grains, ConnectorRegistry connectors, SiloRoutes siloRoutes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var routes = new List<RouteDefinition>();
        if (request?.Routes is not { } items)
        {
            return ApiProblems.Validation("routes", "routes is required: the whole table (an empty list clears it)");
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors[$"routes[{i}]"] = ["a route is an object"];
                continue;
            }
            if (RouteJson.StrategyOf(item.Strategy) is not { } strategy)
            {
                errors[$"routes[{i}].strategy"] = [$"strategy is {RouteJson.Failover} or {RouteJson.RoundRobin}"];
                continue;
            }
            routes.Add(new RouteDefinition(item.Code ?? "", item.Countries, item.Prefixes, item.ClientIds, item.Connectors ?? [],
                strategy, item.PricePerSegment, item.MmsPerMessage));
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var change = await grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).ReplaceAsync(routes);
        if (!change.Succeeded)
        {
            return ApiProblems.Validation(change.Errors!);
        }
        siloRoutes.Offer(change.Table!);
        return TypedResults.Ok(RoutesView.Of(change.Table!, connectors.Descriptors));
    }

    public static async Task<Ok<RoutesView>> GetAsync(IGrainFactory grains, ConnectorRegistry connectors) =>
        TypedResults.Ok(RoutesView.Of(await grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).GetAsync(), connectors.Descriptors));

    public static async Task<Ok<ConnectorsView>> ConnectorsAsync(IGrainFactory grains) =>
        TypedResults.Ok(new ConnectorsView(await grains.GetGrain<IConnectorsGrain>(IConnectorsGrain.Key).ListAsync()));
}
