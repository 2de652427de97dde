using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.PhoneNumbers;
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
        services.TryAddSingleton(PhoneNumberClassifier.Shared);
        services.TryAddSingleton<ReceiptRouter>();
        services.TryAddSingleton<IReceiptSink>(sp => sp.GetRequiredService<ReceiptRouter>());
        services.TryAddSingleton<SimulatorCarrier>();
        services.TryAddSingleton<ICarrierLink>(sp => sp.GetRequiredService<SimulatorCarrier>());
        return services;
    }
}
