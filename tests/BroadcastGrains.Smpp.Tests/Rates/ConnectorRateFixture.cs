using System.Globalization;
using BroadcastGrains.Carrier.Connectors;
using BroadcastGrains.Routing;
using BroadcastGrains.Smpp.Tests.Smsc;
using BroadcastGrains.Testing.Silo;

namespace BroadcastGrains.Smpp.Tests.Rates;

/// <summary>
/// One test SMSC process and one in-process silo with an SMPP connector per rate under test, each binding with a
/// system_id of its own so the SMSC counts each connector's messages apart: <c>rr-300</c> and <c>rr-100</c> (300 and
/// 100 parts/s), <c>p-200</c> (200 parts/s), <c>fair-500</c> (500 parts/s) and <c>daily</c> (a daily limit of
/// <see cref="DailyLimit"/> parts).
/// </summary>
public sealed class ConnectorRateFixture : TestSilo
{
    public const int DailyLimit = 40;

    readonly Dictionary<string, string?> _settings = [];

    public SmscProcess Smsc { get; private set; } = null!;

    /// <summary>The silo's connectors.</summary>
    public ConnectorRegistry Connectors => SiloService<ConnectorRegistry>();

    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>The system_id connector <paramref name="name"/> binds with (its account at the SMSC).</summary>
    public static string SystemIdOf(string name) => name.Replace("-", "", StringComparison.Ordinal);

    public override async Task InitializeAsync()
    {
        Smsc = await SmscProcess.StartAsync();
        Connector("rr-300", 300, 0, 1);
        Connector("rr-100", 100, 0, 2);
        Connector("p-200", 200, 0, 3);
        Connector("fair-500", 500, 0, 4);
        Connector("daily", 0, DailyLimit, 5);
        _settings["Broadcast:ReceiptWindowMinutes"] = "1";
        _settings["Broadcast:PartitionSize"] = "2000";
        await base.InitializeAsync();
    }

    /// <summary>Replaces the routing table and waits until this silo routes by it and every connector is bound.</summary>
    public async Task RouteAsync(params RouteDefinition[] routes)
    {
        Assert.True((await Grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).ReplaceAsync(routes)).Succeeded);
        // The silo's copy is refreshed in the background at most once a second: wait until it routes by this table.
        var routing = SiloService<SiloRoutes>();
        await Eventually.ReadAsync(async () => (await routing.GetAsync()).IndexOf(routes[0].Code), index => index == 0,
            TimeSpan.FromSeconds(10), "the silo routing by the new table");
        await Eventually.ReadAsync(() => Task.FromResult(Connectors.Connectors.All(c => c.IsUp)), up => up,
            TimeSpan.FromSeconds(20), "every connector bound");
    }

    void Connector(string name, int rate, long dailyLimit, int order)
    {
        foreach (var (key, value) in SmscConnectorSettings.Of(name, Smsc, SystemIdOf(name), binds: 1))
        {
            _settings[key] = value;
        }
        var at = SmscConnectorSettings.Prefix(name);
        _settings[at + "Order"] = order.ToString(CultureInfo.InvariantCulture);
        _settings[at + "MaxSubmitsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
        _settings[at + "DailyLimit"] = dailyLimit.ToString(CultureInfo.InvariantCulture);
        _settings[at + "ReceiptGraceMs"] = "3000";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smsc.DisposeAsync();
    }
}
