using BroadcastGrains.Hosting;
using BroadcastGrains.Silo.Faults;
using BroadcastGrains.Silo.Storage;
using BroadcastGrains.Storage;
using Orleans.Configuration;
using Orleans.Connections.Security;
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
        // Read here because Orleans takes its ports while the host is built; checked with the rest when it starts.
        silo.Services.AddSettings<ClusterSettings>(ClusterSettings.Section);
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
        if (cluster.TlsCertificatePath is { Length: > 0 } certificatePath)
        {
            UseMutualTls(silo, ClusterCertificate.Load(certificatePath, cluster.TlsCertificatePassword));
        }
        silo.AddOutgoingGrainCallFilter<DeadSiloRetryFilter>();
        silo.Configure<ClusterMembershipOptions>(DeathDetection.Apply);
        // Recipient slices are large: a 2M broadcast moves a few MB per partition call between silos.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(2));
    }

    /// <summary>
    /// Every silo and gateway connection, in and out, is TLS and both ends present a certificate. The platform's own
    /// verdict (the machine's trusted roots, the host name) is replaced by the cluster's: the peer's certificate chains
    /// to the CA in this silo's file. A connection without a certificate, or with anyone else's, is closed in the
    /// handshake, before a single Orleans message is read.
    /// </summary>
    static void UseMutualTls(ISiloBuilder silo, ClusterCertificate identity) => silo.UseTls(identity.Certificate, tls =>
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (peer, chain, _) => identity.Trusts(peer, chain);
    });
}
