using BroadcastGrains.Hosting;
using BroadcastGrains.Silo.Storage;
using BroadcastGrains.Storage;
using Orleans.Configuration;
using Orleans.Storage;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>Wires the Orleans silo for the configured storage.</summary>
internal static class SiloSetup
{
    public static void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var endpoints = ClusterEndpoints.Resolve(cluster);
        var storage = configuration.GetValue(BroadcastOptions.Section + ":Storage", StorageKind.Memory);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ClusterId;
        });
        switch (storage)
        {
            case StorageKind.Memory:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ClusterId, clusterId: cluster.ClusterId);
                silo.AddMemoryGrainStorage(StorageNames.Grains);
                silo.AddMemoryGrainStorage(StorageNames.Recipients);
                silo.Services.UseBinaryGrainState<MemoryGrainStorageOptions>(StorageNames.Grains)
                    .UseBinaryGrainState<MemoryGrainStorageOptions>(StorageNames.Recipients);
                silo.UseInMemoryReminderService();
                break;
            case StorageKind.Postgres:
                PostgresSilo.Configure(silo);
                break;
            default:
                throw new NotSupportedException($"Broadcast__Storage={storage} is not available in this build; use Memory or Postgres.");
        }
        endpoints.Apply(silo);
        // Recipient slices are large: a 2M broadcast moves a few MB per partition call between silos.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(2));
    }

    /// <summary>Stores <paramref name="storageName"/>'s state as every provider of the silo does (<see cref="GrainStateFormat"/>).</summary>
    public static void UseBinaryStateSerializer<TOptions>(IServiceCollection services, string storageName)
        where TOptions : class, IStorageProviderSerializerOptions =>
        services.UseBinaryGrainState<TOptions>(storageName);
}
