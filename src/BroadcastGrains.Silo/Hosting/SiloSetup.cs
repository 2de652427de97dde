using System.Net;
using BroadcastGrains.Hosting;
using BroadcastGrains.Storage;
using Orleans.Configuration;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>Wires the Orleans silo for the configured storage.</summary>
internal static class SiloSetup
{
    public static void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
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
                silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Parse(cluster.AdvertisedAddress));
                silo.AddMemoryGrainStorage(StorageNames.Grains);
                silo.AddMemoryGrainStorage(StorageNames.Recipients);
                silo.UseInMemoryReminderService();
                break;
            default:
                throw new NotSupportedException(
                    $"Broadcast__Storage={storage} is not available in this build; use Memory.");
        }
        // Recipient slices are large: a 2M broadcast moves a few MB per partition call between silos.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(2));
    }
}
