using System.Runtime.CompilerServices;
using BroadcastGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

[assembly: InternalsVisibleTo("BroadcastGrains.Smpp.Tests")]

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>Registers the SMPP carrier's services; <see cref="BroadcastServices"/> calls it for every silo.</summary>
public static class SmppServices
{
    /// <summary>
    /// Adds the SMPP carrier, its options (<c>Broadcast:Smpp</c>), the service that opens its binds at start-up when
    /// <c>Broadcast:Carrier</c> is <c>Smpp</c>, and its readiness check (named <c>smpp</c>).
    /// </summary>
    public static IServiceCollection AddSmppCarrier(this IServiceCollection services)
    {
        services.AddSettings<SmppOptions>(SmppOptions.SectionName);
        services.TryAddSingleton<SmppHealth>();
        services.TryAddSingleton<SmppCarrier>();
        services.TryAddSingleton<ISentMessageReconciler, SmppReconciler>();
        services.AddHostedService<SmppCarrierService>();
        services.AddHealthChecks().AddCheck<SmppHealthCheck>("smpp");
        return services;
    }
}
