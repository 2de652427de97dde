using BroadcastGrains.Hosting;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace BroadcastGrains.Tests.Catalogue;

/// <summary>Two in-process silos in one cluster: what holds "cluster-wide" must hold when calls come in through either.</summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    InProcessTestCluster? cluster;

    InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>The grain factory of silo <paramref name="silo"/>: calls made through it start on that silo.</summary>
    public IGrainFactory Silo(int silo) => Cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Broadcast:PartitionSize"] = "2000" });
            host.Services.AddBroadcastGrains();
        });
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(StorageNames.Grains)
            .AddMemoryGrainStorage(StorageNames.Recipients)
            .UseInMemoryReminderService());
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
