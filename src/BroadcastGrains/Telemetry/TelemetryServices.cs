using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BroadcastGrains.Telemetry;

/// <summary>Registers <see cref="BroadcastMetrics"/> (exporting them is the host's business: see the silo's telemetry setup).</summary>
public static class TelemetryServices
{
    /// <summary>Adds <see cref="IMeterFactory"/> (when the host has none) and the cluster's instruments.</summary>
    public static IServiceCollection AddBroadcastMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BroadcastMetrics>();
        services.TryAddSingleton<ConnectorMetrics>();
        return services;
    }
}
