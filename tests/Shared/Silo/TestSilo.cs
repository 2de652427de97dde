using BroadcastGrains.Hosting;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;

namespace BroadcastGrains.Testing.Silo;

/// <summary>
/// The in-memory test cluster every test project that calls grains in-process shares: one or more silos with the grains'
/// services, in-memory grain storage and reminders, and <see cref="GrainCallFaults"/> installed. Grain state is stored
/// in the production format (<see cref="GrainStateFormat"/>), so state that would not survive a real silo's storage
/// does not survive a test's either. A fixture derives from it and adds settings, services or storage of its own.
/// Linked as source into the projects that reference Orleans' test host.
/// </summary>
public class TestSilo(short silos = 1) : IAsyncLifetime
{
    InProcessTestCluster? _cluster;

    /// <summary>Configuration every silo reads (keys as in appsettings.json, <c>Broadcast:PartitionSize</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public IClusterClient Client => Cluster.Client;

    /// <summary>The cluster's grains, called from outside the silos as the HTTP API calls them.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The grain factory of silo <paramref name="silo"/>: calls made through it start on that silo.</summary>
    public IGrainFactory Silo(int silo) => SiloService<IGrainFactory>(silo);

    /// <summary>A service of silo <paramref name="silo"/>, as its grains get it.</summary>
    public T SiloService<T>(int silo = 0) where T : notnull =>
        Cluster.Silos[silo].ServiceProvider.GetRequiredService<T>();

    /// <summary>The reminder table: when each grain's reminders are due next.</summary>
    public IReminderTable Reminders => SiloService<IReminderTable>();

    /// <summary>What the grain storage holds for <paramref name="grain"/>'s state <paramref name="stateName"/>.</summary>
    public async Task<T> ReadStoredAsync<T>(string stateName, GrainId grain) where T : new()
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain, state);
        return state.State ?? new T();
    }

    /// <summary>
    /// Services put in place of the defaults before the grains' own are added (which are added only where missing):
    /// a clock (<c>TimeProvider</c>, or the broadcasts' <c>BroadcastClock.Key</c>), a journal, a call filter.
    /// </summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The storage of every grain but the partitions' slices: in memory, in the production format.</summary>
    protected virtual void AddGrainStorage(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.Grains);
        silo.Services.UseBinaryGrainState<MemoryGrainStorageOptions>(StorageNames.Grains);
    }

    InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public virtual async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(Settings);
            ConfigureServices(host.Services);
            host.Services.AddBroadcastGrains();
            host.Services.AddSingleton<IOutgoingGrainCallFilter, GrainCallFaults>();
        });
        builder.ConfigureSilo((_, silo) =>
        {
            AddGrainStorage(silo);
            silo.AddMemoryGrainStorage(StorageNames.Recipients).UseInMemoryReminderService();
            silo.Services.UseBinaryGrainState<MemoryGrainStorageOptions>(StorageNames.Recipients);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
