using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Connectors;

namespace BroadcastGrains.Routing;

/// <summary>
/// The send path's router: each batch is routed by this silo's copy of the routing table as it stands at submit
/// (<see cref="SiloRoutes"/>), so a table change reaches every message not yet submitted, and goes out through the
/// connectors of <see cref="ConnectorRegistry"/>. The rules are <see cref="RoutedSubmit"/>'s.
/// </summary>
public sealed class TableRouter(SiloRoutes routes, ConnectorRegistry registry) : IRecipientRouter
{
    readonly ICarrierLink[] _links = [.. registry.Connectors.Select(c => c.Link)];

    /// <inheritdoc />
    public async ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        var table = await routes.GetAsync();
        await RoutedSubmit.SubmitAsync(table, registry, _links, batch, results, cancellationToken);
    }
}
