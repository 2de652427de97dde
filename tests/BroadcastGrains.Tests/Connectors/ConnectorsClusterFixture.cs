using BroadcastGrains.Hosting;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace BroadcastGrains.Tests.Connectors;

/// <summary>
/// Two silos configured with three named connectors: two simulators (one of them weighted) and an SMPP connector
/// pointed at a port where no SMSC listens, so it stays down.
/// </summary>
public sealed class ConnectorsClusterFixture : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Broadcast:PartitionSize"] = "2000",
        ["Broadcast:Connectors:sim-a:Kind"] = "Simulator",
        ["Broadcast:Connectors:sim-a:MaxSubmitsPerSecond"] = "300",
        ["Broadcast:Connectors:sim-a:ReceiptDelayMs"] = "20",
        ["Broadcast:Connectors:sim-b:Kind"] = "Simulator",
        ["Broadcast:Connectors:sim-b:SupportsMms"] = "false",
        ["Broadcast:Connectors:sim-b:DailyLimit"] = "1000",
        ["Broadcast:Connectors:smsc-gone:Kind"] = "Smpp",
        ["Broadcast:Connectors:smsc-gone:Host"] = "127.0.0.1",
        ["Broadcast:Connectors:smsc-gone:Port"] = "9",
        ["Broadcast:Connectors:smsc-gone:Binds"] = "2",
        ["Broadcast:Connectors:smsc-gone:Order"] = "5",
    };

    InProcessTestCluster? _cluster;

    InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>The grain factory of silo <paramref name="silo"/>.</summary>
    public IGrainFactory Silo(int silo) => Cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>A service of silo <paramref name="silo"/>.</summary>
    public T Service<T>(int silo) where T : notnull => Cluster.Silos[silo].ServiceProvider.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(Settings);
            host.Services.AddBroadcastGrains();
        });
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(StorageNames.Grains)
            .AddMemoryGrainStorage(StorageNames.Recipients)
            .UseInMemoryReminderService());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConnectorsClusterCollection : ICollectionFixture<ConnectorsClusterFixture>
{
    public const string Name = "connectors cluster";
}
