using BroadcastGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// Opens the SMPP binds when the silo starts (receipts and inbound messages must flow before anything is sent) and
/// unbinds when it stops. Does nothing unless <c>Broadcast:Carrier</c> is <c>Smpp</c>.
/// </summary>
internal sealed class SmppCarrierService(IServiceProvider services, IOptions<BroadcastOptions> options) : IHostedService
{
    bool _used;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Carrier == CarrierKind.Smpp)
        {
            _used = true;
            services.GetRequiredService<SmppCarrier>().Start();
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_used)
        {
            await services.GetRequiredService<SmppCarrier>().DisposeAsync();
        }
    }
}
