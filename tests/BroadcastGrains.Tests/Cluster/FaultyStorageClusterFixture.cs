using BroadcastGrains.Storage;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// A cluster whose grain storage fails a write on demand: <see cref="FailNextWriteAsync"/> makes the next write of one
/// grain's state throw (Orleans' fault-injection storage over memory storage, whose faults are kept by state name).
/// </summary>
public sealed class FaultyStorageClusterFixture : ClusterFixture
{
    /// <summary>In the production format, as the silo stores state (the fault-injection storage would default to JSON).</summary>
    protected override void AddGrainStorage(ISiloBuilder silo)
    {
        silo.AddFaultInjectionMemoryStorage(StorageNames.Grains, _ => { }, faults => faults.Configure(o => o.Latency = TimeSpan.Zero));
        silo.Services.UseBinaryGrainState<MemoryGrainStorageOptions>(StorageNames.Grains);
    }

    /// <summary>The next write of <paramref name="grain"/>'s state <paramref name="stateName"/> fails with a storage error.</summary>
    public Task FailNextWriteAsync(IAddressable grain, string stateName) =>
        Grains.GetGrain<IStorageFaultGrain>(stateName)
            .AddFaultOnWrite(grain.GetGrainId(), new InvalidOperationException("the storage is unavailable (injected)"));
}

/// <summary>Tests that share one <see cref="FaultyStorageClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class FaultyStorageClusterCollection : ICollectionFixture<FaultyStorageClusterFixture>
{
    public const string Name = "Faulty storage cluster";
}
