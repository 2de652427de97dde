using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Hosting;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// One in-process silo with in-memory storage and reminders, the grains' services and a simulator carrier that records
/// every submission. Shared by a collection of tests; each test uses its own client ids, so tests never see each other's
/// money or broadcasts. The price table and the simulator's counters are cluster-wide.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    InProcessTestCluster? cluster;

    /// <summary>Settings every cluster gets: receipts soon, submissions tracked, 2,000 recipients a partition.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:Simulator:TrackSubmissions"] = "true",
        ["Broadcast:Simulator:ReceiptDelayMs"] = "50",
        ["Broadcast:PartitionSize"] = "2000",
    };

    public IClusterClient Client => Cluster.Client;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's simulator: its <c>Submitted</c> and <c>DuplicateSubmissions</c> are what the carrier saw.</summary>
    public SimulatorCarrier Carrier => Cluster.Silos[0].ServiceProvider.GetRequiredService<SimulatorCarrier>();

    /// <summary>A service of the (one) silo, as its grains get it.</summary>
    public T SiloService<T>() where T : notnull => Cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    /// <summary>Services a derived fixture puts in place of the defaults (they are added only where missing).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>What the grain storage holds for <paramref name="grain"/>'s state <paramref name="stateName"/>.</summary>
    public async Task<T> ReadStoredAsync<T>(string stateName, GrainId grain) where T : new()
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain, state);
        return state.State ?? new T();
    }

    /// <summary>The silo's reminder table: when each grain's reminders are due next.</summary>
    public IReminderTable Reminders => Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();

    InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        var settings = Settings;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            ConfigureServices(host.Services);
            host.Services.AddBroadcastGrains();
            host.Services.AddSingleton<IOutgoingGrainCallFilter, ProgressReportOutage>();
            host.Services.AddSingleton<IOutgoingGrainCallFilter, GrainCallFaults>();
        });
        builder.ConfigureSilo((_, silo) =>
        {
            AddGrainStorage(silo);
            silo.AddMemoryGrainStorage(StorageNames.Recipients).UseInMemoryReminderService();
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    /// <summary>The storage of every grain but the partitions: in memory.</summary>
    protected virtual void AddGrainStorage(ISiloBuilder silo) => silo.AddMemoryGrainStorage(StorageNames.Grains);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
