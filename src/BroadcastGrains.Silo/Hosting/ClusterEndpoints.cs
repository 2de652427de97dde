using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Where this silo is reached (advertised) and where its silo and gateway ports bind (listen). They bind to the listen
/// address only, by default the advertised one: Orleans' silo and gateway protocols carry no authentication of their
/// own, so a port open on every interface lets anyone on any of the host's networks call any grain.
/// </summary>
internal sealed record ClusterEndpoints(IPAddress Advertised, IPAddress Listen, int SiloPort, int GatewayPort)
{
    /// <summary>Resolves the settings' addresses (IP addresses, or host names such as a container's service name).</summary>
    /// <exception cref="ArgumentException">An address is neither an IP address nor a name that resolves to IPv4.</exception>
    public static ClusterEndpoints Resolve(ClusterSettings settings)
    {
        var advertised = ResolveAddress(settings.AdvertisedAddress, "AdvertisedAddress");
        var listen = string.IsNullOrWhiteSpace(settings.ListenAddress)
            ? advertised
            : ResolveAddress(settings.ListenAddress, "ListenAddress");
        return new ClusterEndpoints(advertised, listen, settings.SiloPort, settings.GatewayPort);
    }

    /// <summary>Sets <see cref="EndpointOptions"/>; called after anything else that configures them (localhost clustering).</summary>
    public void Apply(ISiloBuilder silo) => silo.Configure<EndpointOptions>(o =>
    {
        o.AdvertisedIPAddress = Advertised;
        o.SiloPort = SiloPort;
        o.GatewayPort = GatewayPort;
        o.SiloListeningEndpoint = new IPEndPoint(Listen, SiloPort);
        o.GatewayListeningEndpoint = new IPEndPoint(Listen, GatewayPort);
    });

    static IPAddress ResolveAddress(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Broadcast__Cluster__{setting} is empty; give an IP address or a host name.");
        }
        if (IPAddress.TryParse(value, out var address))
        {
            return address;
        }
        try
        {
            return Dns.GetHostAddresses(value).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new ArgumentException($"Broadcast__Cluster__{setting} '{value}' has no IPv4 address.");
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"Broadcast__Cluster__{setting} '{value}' does not resolve: {e.Message}.", e);
        }
    }
}
