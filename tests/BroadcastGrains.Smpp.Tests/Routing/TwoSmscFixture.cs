using System.Globalization;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Smpp.Tests.Smsc;
using BroadcastGrains.Testing.Silo;

namespace BroadcastGrains.Smpp.Tests.Routing;

/// <summary>
/// Two test SMSC processes and one in-process silo with a named SMPP connector for each (<c>smsc-a</c>,
/// <c>smsc-b</c>), so what each SMSC received is counted by the SMSC itself.
/// </summary>
public sealed class TwoSmscFixture : TestSilo
{
    public const string SystemId = "routing";

    readonly Dictionary<string, string?> _settings = [];

    public SmscProcess A { get; private set; } = null!;

    public SmscProcess B { get; private set; } = null!;

    /// <summary>The silo's connectors (their up/down state).</summary>
    public ConnectorRegistry Connectors => SiloService<ConnectorRegistry>();

    /// <summary>Filled in once the SMSCs run, before the silo starts: their ports are known only then.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

    public override async Task InitializeAsync()
    {
        A = await SmscProcess.StartAsync();
        B = await SmscProcess.StartAsync();
        Connector("smsc-a", A);
        Connector("smsc-b", B);
        _settings["Broadcast:ReceiptWindowMinutes"] = "1";
        _settings["Broadcast:PartitionSize"] = "2000";
        await base.InitializeAsync();
    }

    void Connector(string name, SmscProcess smsc)
    {
        foreach (var (key, value) in SmscConnectorSettings.Of(name, smsc, SystemId, binds: 2))
        {
            _settings[key] = value;
        }
        var at = SmscConnectorSettings.Prefix(name);
        _settings[at + "ReceiptGraceMs"] = "3000";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSmscCollection : ICollectionFixture<TwoSmscFixture>
{
    public const string Name = "A silo with two SMSC connectors";
}
