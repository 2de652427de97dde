using BroadcastGrains.Carrier;
using BroadcastGrains.Inbound;
using BroadcastGrains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BroadcastGrains.Catalogue;

/// <summary>Registers what the tenancy side needs in a silo: webhook delivery and the inbound message handler.</summary>
public static class CatalogueServices
{
    public static IServiceCollection AddBroadcastCatalogue(this IServiceCollection services)
    {
        services.AddWebhooks();
        services.TryAddSingleton<InboundRouter>();
        services.TryAddSingleton<IInboundMessageSink>(sp => sp.GetRequiredService<InboundRouter>());
        return services;
    }
}
