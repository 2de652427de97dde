using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Carrier.Connectors.State;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Links;
using BroadcastGrains.Partitions;
using BroadcastGrains.Partitions.Journal;
using BroadcastGrains.Partitions.Rows;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Routing;
using BroadcastGrains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BroadcastGrains.Hosting;

/// <summary>Registers what the grains need in a silo: options, the phone-number classifier, the carrier link.</summary>
public static class BroadcastServices
{
    /// <summary>Adds the grains' services, bound to the <c>Broadcast</c> configuration section.</summary>
    public static IServiceCollection AddBroadcastGrains(this IServiceCollection services)
    {
        services.AddSettings<BroadcastOptions>(BroadcastOptions.Section);
        services.AddSettings<SimulatorOptions>(SimulatorOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(BroadcastClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(PhoneNumberClassifier.Shared);
        services.AddBroadcastMetrics();
        services.TryAddSingleton<ReceiptRouter>();
        services.TryAddSingleton<IPartitionJournal, NoPartitionJournal>();
        services.TryAddSingleton<IRecipientRowStore, GrainStateRecipientRows>();
        services.TryAddSingleton<IReceiptSink>(sp => sp.GetRequiredService<ReceiptRouter>());
        services.AddBroadcastCatalogue();
        services.AddLinkTracking();
        services.TryAddSingleton<SimulatorCarrier>();
        services.AddSmppCarrier();
        // Broadcast:Connectors (or, without it, Broadcast:Carrier) names the links. The first one is also the
        // ICarrierLink the generic carrier callbacks (/v1/carrier/{carrier}/receipts, /inbound) answer for.
        services.TryAddSingleton<ConnectorRegistry>();
        services.AddHostedService<ConnectorService>();
        services.TryAddSingleton<SiloRoutes>();
        services.AddPlacementDirector<SiloKeyedPlacementStrategy, SiloKeyedPlacementDirector>();
        services.TryAddSingleton<ICarrierLink>(sp => sp.GetRequiredService<ConnectorRegistry>().Primary.Link);
        // Which connector takes each recipient: the routing table's choice (with no table, every connector in order).
        services.TryAddSingleton<IRecipientRouter, TableRouter>();
        return services;
    }
}
