using System.Globalization;
using BroadcastGrains.Api.Tests.Carrier.Twilio;
using BroadcastGrains.Smpp.Tests.Smsc;

namespace BroadcastGrains.Api.Tests.Carrier.Mixed;

/// <summary>
/// The Twilio fixture's silo and test carrier with a second connector, <c>smsc</c> (SMPP against a test SMSC process),
/// after <c>twilio</c> in order: what each upstream received is counted by the carrier and the SMSC themselves.
/// A silo of its own, because the tests here set the routing table.
/// </summary>
public sealed class HttpAndSmppApiFixture : TwilioApiFixture, IAsyncLifetime
{
    public const string SmppConnector = "smsc";
    public const string SystemId = "mixed";

    SmscProcess? _smsc;

    public SmscProcess Smsc => _smsc ?? throw new InvalidOperationException("The SMSC is not started.");

    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings[$"Broadcast:Connectors:{Connector}:Order"] = "1";
        foreach (var (key, value) in SmscConnectorSettings.Of(SmppConnector, Smsc, SystemId, binds: 2))
        {
            settings[key] = value;
        }
        var at = SmscConnectorSettings.Prefix(SmppConnector);
        settings[at + "Order"] = "2";
        return settings;
    }

    // The SMSC must listen before the silo starts: its port is in the settings.
    async Task IAsyncLifetime.InitializeAsync()
    {
        _smsc = await SmscProcess.StartAsync();
        await InitializeAsync();
        await Twilio.ForwardAsync(PublicBase, BaseAddress);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_smsc is not null)
        {
            await _smsc.DisposeAsync();
        }
    }
}

/// <summary>Tests that share one <see cref="HttpAndSmppApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class HttpAndSmppApiCollection : ICollectionFixture<HttpAndSmppApiFixture>
{
    public const string Name = "api-http-and-smpp";
}
