using BroadcastGrains.Carrier.Connectors;
using Microsoft.Extensions.Configuration;

namespace BroadcastGrains.Tests.Connectors;

/// <summary>
/// Which connectors configuration makes: every <c>Broadcast:Connectors:{name}</c> in order, or the one
/// <c>Broadcast:Carrier</c> names; and a clear start-up error naming each problem otherwise.
/// </summary>
public class ConnectorConfigurationTests
{
    static IReadOnlyList<ConnectorSettings> Read(params (string Key, string Value)[] settings) =>
        ConnectorConfiguration.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Without_connectors_the_default_is_one_simulator_named_simulator()
    {
        var connector = Assert.Single(Read());

        Assert.Equal("simulator", connector.Name);
        Assert.Equal(ConnectorKind.Simulator, connector.Kind);
        Assert.True(connector.FromCarrierSetting);
        Assert.True(connector.SupportsMms);
    }

    [Fact]
    public void Without_connectors_Broadcast_Carrier_Smpp_is_one_connector_named_smpp_with_the_Broadcast_Smpp_settings()
    {
        var connector = Assert.Single(Read(("Broadcast:Carrier", "Smpp"), ("Broadcast:Smpp:Host", "smsc.example"),
            ("Broadcast:Smpp:MaxSubmitsPerSecond", "250")));

        Assert.Equal("smpp", connector.Name);
        Assert.Equal(ConnectorKind.Smpp, connector.Kind);
        Assert.Equal("smsc.example", connector.Smpp!.Host);
        Assert.Equal(250, connector.MaxSubmitsPerSecond);
        Assert.False(connector.SupportsMms);
    }

    [Fact]
    public void Named_connectors_come_in_their_order_with_their_own_settings_and_replace_the_carrier_setting()
    {
        var connectors = Read(("Broadcast:Carrier", "Smpp"),
            ("Broadcast:Connectors:smsc-b:Kind", "Smpp"), ("Broadcast:Connectors:smsc-b:Host", "b.example"),
            ("Broadcast:Connectors:smsc-b:Binds", "3"), ("Broadcast:Connectors:smsc-b:Order", "2"),
            ("Broadcast:Connectors:smsc-b:MaxSubmitsPerSecond", "100"),
            ("Broadcast:Connectors:smsc-a:Kind", "smpp"), ("Broadcast:Connectors:smsc-a:Host", "a.example"),
            ("Broadcast:Connectors:smsc-a:Order", "1"), ("Broadcast:Connectors:smsc-a:DailyLimit", "5000"),
            ("Broadcast:Connectors:lab:Kind", "Simulator"), ("Broadcast:Connectors:lab:Order", "3"),
            ("Broadcast:Connectors:lab:ReceiptDelayMs", "10"));

        Assert.Equal(["smsc-a", "smsc-b", "lab"], connectors.Select(c => c.Name));
        Assert.Equal("a.example", connectors[0].Smpp!.Host);
        Assert.Equal(5000, connectors[0].DailyLimit);
        Assert.Equal(3, connectors[1].Smpp!.Binds);
        Assert.Equal(100, connectors[1].MaxSubmitsPerSecond);
        Assert.Equal(100, connectors[1].Smpp!.MaxSubmitsPerSecond);
        Assert.Equal(10, connectors[2].Simulator!.ReceiptDelayMs);
        Assert.All(connectors, c => Assert.False(c.FromCarrierSetting));
    }

    [Theory]
    [InlineData("Kind", "Carrier-pigeon", "Broadcast:Connectors:a:Kind must be Simulator, Smpp or Http")]
    [InlineData("Kind", "", "Broadcast:Connectors:a:Kind must be Simulator, Smpp or Http")]
    [InlineData("Kind", "Http", "Broadcast:Connectors:a: Protocol must be TwilioCompatible")]
    [InlineData("Host", "", "Broadcast:Connectors:a:Host is required")]
    [InlineData("MaxSubmitsPerSecond", "-1", "Broadcast:Connectors:a:MaxSubmitsPerSecond must be")]
    [InlineData("Binds", "0", "Broadcast:Connectors:a: The field Binds must be between 1 and 64")]
    [InlineData("Port", "many", "Broadcast:Connectors:a:")]
    public void A_bad_connector_stops_the_start_naming_the_setting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string> { ["Kind"] = "Smpp", ["Host"] = "a.example" };
        settings[key] = value;

        var error = Assert.Throws<InvalidOperationException>(() =>
            Read([.. settings.Select(s => ($"Broadcast:Connectors:a:{s.Key}", s.Value))]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(
            ("Broadcast:Connectors:a:Kind", "Smpp"), ("Broadcast:Connectors:b:Kind", "Fax")));

        Assert.Contains("Broadcast:Connectors:a:Host is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Broadcast:Connectors:b:Kind must be", error.Message, StringComparison.Ordinal);
    }
}
