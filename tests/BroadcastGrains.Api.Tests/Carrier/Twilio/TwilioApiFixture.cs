using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Carrier.Twilio;

/// <summary>
/// A silo whose only connector is <c>twilio</c>, an <c>Http</c> connector against the test carrier process, so the
/// implicit default route sends everything through it. The carrier answers every 7th submit 429, is slow on every
/// 40th, and drops the connection (after reading the request) for <see cref="DroppedNumbers"/>. Its callbacks are
/// addressed to a public base URL and forwarded to the silo, as a proxy in front of the cluster would. A one-minute
/// receipt window makes unconfirmed messages time out within a test.
/// </summary>
public class TwilioApiFixture : ApiFixture, IAsyncLifetime
{
    public const string Connector = "twilio";

    /// <summary>What the carrier is told the cluster's public address is (the signatures cover it).</summary>
    public static readonly Uri PublicBase = new("http://sms.cluster.test");

    public static readonly string[] DroppedNumbers = ["+12125559101", "+12125559102"];

    public TwilioCarrierProcess Twilio { get; } = new("--throttle-every", "7", "--slow-every", "40", "--slow-ms", "300",
        "--callback-delay-ms", "1500", "--drop-to", string.Join(',', DroppedNumbers));

    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        var at = $"Broadcast:Connectors:{Connector}:";
        settings[at + "Kind"] = "Http";
        settings[at + "Protocol"] = "TwilioCompatible";
        settings[at + "BaseUrl"] = Twilio.BaseUrl.ToString();
        settings[at + "AccountSid"] = TwilioCarrierProcess.AccountSid;
        settings[at + "AuthToken"] = TwilioCarrierProcess.AuthToken;
        settings[at + "CallbackBaseUrl"] = PublicBase.ToString();
        settings[at + "RequestTimeoutSeconds"] = "10";
        settings["Broadcast:ReceiptWindowMinutes"] = "1";
        return settings;
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Twilio.ForwardAsync(PublicBase, BaseAddress);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Twilio.Dispose();
    }
}
