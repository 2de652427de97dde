using BroadcastGrains.Carrier.Connectors;
using Microsoft.Extensions.Configuration;

namespace BroadcastGrains.Tests.Http;

/// <summary>An <c>Http</c> connector (Twilio-compatible) is accepted with its account and callback address, and refused without them.</summary>
public class HttpConnectorConfigurationTests
{
    static IReadOnlyList<ConnectorSettings> Read(Dictionary<string, string> settings) =>
        ConnectorConfiguration.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Broadcast:Connectors:twilio:{s.Key}", (string?)s.Value)))
            .Build());

    static Dictionary<string, string> Complete() => new()
    {
        ["Kind"] = "Http",
        ["Protocol"] = "TwilioCompatible",
        ["AccountSid"] = "AC123",
        ["AuthToken"] = "token",
        ["CallbackBaseUrl"] = "https://sms.example.com",
    };

    [Fact]
    public void A_complete_connector_is_accepted_with_Twilio_as_its_default_base_url_and_mms()
    {
        var settings = Complete();
        settings["MaxSubmitsPerSecond"] = "100";

        var connector = Assert.Single(Read(settings));

        Assert.Equal(ConnectorKind.Http, connector.Kind);
        Assert.Equal("https://api.twilio.com", connector.Http!.BaseUrl);
        Assert.Equal(32, connector.Http.MaxConcurrentRequests);
        Assert.True(connector.SupportsMms);
        Assert.Equal(100, connector.MaxSubmitsPerSecond);
        Assert.Equal("https://sms.example.com/v1/carrier/twilio/status", connector.Http.StatusCallbackUrl("twilio"));
    }

    [Theory]
    [InlineData("Protocol", "Smpp", "Protocol must be TwilioCompatible")]
    [InlineData("AccountSid", "", "AccountSid is required")]
    [InlineData("AuthToken", "", "AuthToken is required")]
    [InlineData("CallbackBaseUrl", "", "CallbackBaseUrl is required")]
    [InlineData("CallbackBaseUrl", "sms.example.com", "CallbackBaseUrl is required")]
    [InlineData("BaseUrl", "ftp://api.example", "BaseUrl must be an absolute http(s) URL")]
    [InlineData("MaxConcurrentRequests", "0", "MaxConcurrentRequests must be between 1 and 10000")]
    public void A_missing_or_bad_setting_stops_the_start_naming_it(string key, string value, string expected)
    {
        var settings = Complete();
        settings[key] = value;

        var error = Assert.Throws<InvalidOperationException>(() => Read(settings));

        Assert.Contains("Broadcast:Connectors:twilio: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
