using BroadcastGrains.Hosting;
using BroadcastGrains.Smpp.Tests.Smsc;
using BroadcastGrains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace BroadcastGrains.Smpp.Tests.Link;

/// <summary>
/// One test SMSC process and one in-process silo that hosts the SMPP directory and rate grains. Each test builds its own
/// <see cref="CarrierUnderTest"/> in the test process with its own system_id, so the SMSC keeps its counters, receipts
/// and behaviour switches apart per test.
/// </summary>
public sealed class LinkFixture : IAsyncLifetime
{
    InProcessTestCluster? _cluster;

    public SmscProcess Smsc { get; private set; } = null!;

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("not deployed")).Client;

    public async Task InitializeAsync()
    {
        Smsc = await SmscProcess.StartAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Services.AddBroadcastGrains());
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
        await Smsc.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LinkCollection : ICollectionFixture<LinkFixture>
{
    public const string Name = "SMPP link against the test SMSC";
}
