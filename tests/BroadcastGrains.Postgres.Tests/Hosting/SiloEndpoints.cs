using System.Globalization;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>Where one silo listens: its HTTP API, its silo-to-silo port and its gateway. Reused to restart it in place.</summary>
internal sealed record SiloEndpoints(int HttpPort, int SiloPort, int GatewayPort)
{
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    public static SiloEndpoints Fresh()
    {
        var ports = FreePorts.Take(3);
        return new SiloEndpoints(ports[0], ports[1], ports[2]);
    }

    /// <summary>The settings an operator sets for this silo (README "Running a cluster"), as environment variables.</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment(string connectionString)
    {
        yield return new("ASPNETCORE_URLS", HttpAddress.ToString());
        yield return new("Broadcast__Storage", "Postgres");
        yield return new("ConnectionStrings__Postgres", connectionString);
        yield return new("Broadcast__AdminKey", SiloProcess.AdminKey);
        yield return new("Broadcast__CarrierSecret", "carrier-secret-for-postgres-tests");
        yield return new("Broadcast__Cluster__ClusterId", SiloProcess.ClusterId);
        yield return new("Broadcast__Cluster__SiloPort", SiloPort.ToString(CultureInfo.InvariantCulture));
        yield return new("Broadcast__Cluster__GatewayPort", GatewayPort.ToString(CultureInfo.InvariantCulture));
        yield return new("Broadcast__Cluster__AdvertisedAddress", "127.0.0.1");
        yield return new("Broadcast__Simulator__ReceiptDelayMs", "50");
    }
}
