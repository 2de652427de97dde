using Microsoft.Extensions.Hosting;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// Opens the connectors when the silo starts, so a configuration problem (an unknown kind, an SMSC without a host)
/// stops the start with its reason instead of failing the first broadcast, and receipts can flow before anything is
/// sent; closes them when it stops.
/// </summary>
internal sealed class ConnectorService(ConnectorRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        registry.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await registry.DisposeAsync();
}
