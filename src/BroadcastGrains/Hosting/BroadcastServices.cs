using BroadcastGrains.Carrier;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Partitions.Journal;
using BroadcastGrains.Partitions.Rows;
using BroadcastGrains.PhoneNumbers;
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
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(BroadcastClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(PhoneNumberClassifier.Shared);
        services.AddBroadcastMetrics();
        services.TryAddSingleton<ReceiptRouter>();
        services.TryAddSingleton<IPartitionJournal, NoPartitionJournal>();
        services.TryAddSingleton<IRecipientRowStore, GrainStateRecipientRows>();
        services.TryAddSingleton<IReceiptSink>(sp => sp.GetRequiredService<ReceiptRouter>());
        services.AddBroadcastCatalogue();
        services.TryAddSingleton<SimulatorCarrier>();
        services.AddSmppCarrier();
        // Broadcast:Carrier picks the link: the in-process simulator (default) or an SMSC over SMPP.
        services.TryAddSingleton<ICarrierLink>(sp => SmppServices.ChooseCarrier(sp, s => s.GetRequiredService<SimulatorCarrier>()));
        return services;
    }
}
