using System.Globalization;

namespace BroadcastGrains.Smpp.Tests.Smsc;

/// <summary>
/// The settings of a named SMPP connector bound to a test SMSC, as the fixtures that configure one (or several) use
/// them: quick reconnects and a short response timeout, so a test that stops an SMSC sees it down and up in time.
/// </summary>
public static class SmscConnectorSettings
{
    /// <summary>The key prefix of connector <paramref name="name"/>'s settings.</summary>
    public static string Prefix(string name) => $"Broadcast:Connectors:{name}:";

    /// <summary>Connector <paramref name="name"/>'s settings, bound to <paramref name="smsc"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Of(string name, SmscProcess smsc, string systemId, int binds)
    {
        ArgumentNullException.ThrowIfNull(smsc);
        var at = Prefix(name);
        yield return new(at + "Kind", "Smpp");
        yield return new(at + "Host", "127.0.0.1");
        yield return new(at + "Port", smsc.SmppPort.ToString(CultureInfo.InvariantCulture));
        yield return new(at + "SystemId", systemId);
        yield return new(at + "Password", SmscProcess.Password);
        yield return new(at + "Binds", binds.ToString(CultureInfo.InvariantCulture));
        yield return new(at + "ReconnectMinMs", "100");
        yield return new(at + "ReconnectMaxMs", "1000");
        yield return new(at + "ResponseTimeoutMs", "3000");
    }
}
