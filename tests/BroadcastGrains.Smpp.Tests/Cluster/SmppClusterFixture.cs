using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Smpp.Tests.Smsc;
using BroadcastGrains.Testing.Silo;

namespace BroadcastGrains.Smpp.Tests.Cluster;

/// <summary>
/// A test SMSC and one in-process silo (<see cref="TestSilo"/>) configured as an operator would:
/// <c>Broadcast:Carrier=Smpp</c> with the SMSC's address and credentials. Receipt window of one minute, so that a
/// message the SMSC never got ends in <c>timeout</c> within the test's deadline.
/// </summary>
public sealed class SmppClusterFixture : TestSilo
{
    public const string SystemId = "cluster";

    readonly Dictionary<string, string?> _settings = [];

    public SmscProcess Smsc { get; private set; } = null!;

    /// <summary>The silo's SMPP carrier (its counters and health).</summary>
    public SmppCarrier Carrier => SiloService<SmppCarrier>();

    /// <summary>Filled in once the SMSC runs, before the silo starts: its port is known only then.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

    public override async Task InitializeAsync()
    {
        Smsc = await SmscProcess.StartAsync();
        _settings["Broadcast:Carrier"] = "Smpp";
        _settings["Broadcast:Smpp:Host"] = "127.0.0.1";
        _settings["Broadcast:Smpp:Port"] = Smsc.SmppPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Broadcast:Smpp:SystemId"] = SystemId;
        _settings["Broadcast:Smpp:Password"] = SmscProcess.Password;
        _settings["Broadcast:Smpp:Binds"] = "2";
        _settings["Broadcast:Smpp:ReconnectMinMs"] = "100";
        _settings["Broadcast:Smpp:ReconnectMaxMs"] = "1000";
        _settings["Broadcast:Smpp:ResponseTimeoutMs"] = "3000";
        _settings["Broadcast:Smpp:ReceiptGraceMs"] = "3000";
        _settings["Broadcast:ReceiptWindowMinutes"] = "1";
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smsc.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SmppClusterCollection : ICollectionFixture<SmppClusterFixture>
{
    public const string Name = "A silo with Broadcast:Carrier=Smpp";
}
