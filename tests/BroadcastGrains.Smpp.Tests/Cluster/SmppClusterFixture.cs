using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Hosting;
using BroadcastGrains.Smpp.Tests.Smsc;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace BroadcastGrains.Smpp.Tests.Cluster;

/// <summary>
/// A test SMSC and one in-process silo configured as an operator would: <c>Broadcast:Carrier=Smpp</c> with the
/// SMSC's address and credentials. Receipt window of one minute, so that a message the SMSC never got ends in
/// <c>timeout</c> within the test's deadline.
/// </summary>
public sealed class SmppClusterFixture : IAsyncLifetime
{
    public const string SystemId = "cluster";

    InProcessTestCluster? _cluster;

    public SmscProcess Smsc { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's SMPP carrier (its counters and health).</summary>
    public SmppCarrier Carrier => Cluster.Silos[0].ServiceProvider.GetRequiredService<SmppCarrier>();

    InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        Smsc = await SmscProcess.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Broadcast:Carrier"] = "Smpp",
            ["Broadcast:Smpp:Host"] = "127.0.0.1",
            ["Broadcast:Smpp:Port"] = Smsc.SmppPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadcast:Smpp:SystemId"] = SystemId,
            ["Broadcast:Smpp:Password"] = SmscProcess.Password,
            ["Broadcast:Smpp:Binds"] = "2",
            ["Broadcast:Smpp:ReconnectMinMs"] = "100",
            ["Broadcast:Smpp:ReconnectMaxMs"] = "1000",
            ["Broadcast:Smpp:ResponseTimeoutMs"] = "3000",
            ["Broadcast:Smpp:ReceiptGraceMs"] = "3000",
            ["Broadcast:ReceiptWindowMinutes"] = "1",
        };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
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
        await Smsc.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SmppClusterCollection : ICollectionFixture<SmppClusterFixture>
{
    public const string Name = "A silo with Broadcast:Carrier=Smpp";
}
