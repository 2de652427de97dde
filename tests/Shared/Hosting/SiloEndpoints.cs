using System.Globalization;

namespace BroadcastGrains.Testing.Hosting;

/// <summary>Where one silo listens: its HTTP API, its silo-to-silo port and its gateway. Reused to restart it in place.</summary>
internal sealed record SiloEndpoints(int HttpPort, int SiloPort, int GatewayPort)
{
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Three free loopback ports.</summary>
    public static SiloEndpoints Fresh()
    {
        var ports = FreePorts.Take(3);
        return new SiloEndpoints(ports[0], ports[1], ports[2]);
    }

    /// <summary>The settings that put a silo on these ports (README "Running a cluster"), as environment variables.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_URLS"] = HttpAddress.ToString(),
        ["Broadcast__Cluster__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
        ["Broadcast__Cluster__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
        ["Broadcast__Cluster__AdvertisedAddress"] = "127.0.0.1",
    };
}
