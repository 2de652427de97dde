using System.Net;
using System.Net.Sockets;

namespace BroadcastGrains.Webhooks;

/// <summary>
/// Which addresses a webhook may connect to: only globally routable unicast ones. Everything else — loopback, private,
/// shared (CGNAT), link-local, documentation, benchmarking, multicast, reserved, and the IPv6 forms that lead back to
/// IPv4 (IPv4-mapped and -compatible, NAT64, 6to4, Teredo) — is refused, because a client's webhook URL must not reach
/// into the cluster's own network, whichever way the address is spelled.
/// </summary>
internal static class WebhookAddressRule
{
    static readonly IPNetwork[] RefusedV4 = Networks(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    static readonly IPNetwork[] RefusedV6 = Networks(
        "::/96",            // unspecified, loopback and the deprecated IPv4-compatible form
        "::ffff:0:0/96",    // IPv4-mapped (checked as IPv4 below when it maps a public one)
        "::ffff:0:0:0/96",  // IPv4-translated (SIIT)
        "64:ff9b::/96", "64:ff9b:1::/48", // NAT64: the gateway connects to any IPv4 address, private ones included
        "100::/64",         // discard-only
        "2001::/32",        // Teredo
        "2001:2::/48",      // benchmarking
        "2001:10::/28", "2001:20::/28", // ORCHID
        "2001:db8::/32", "3fff::/20",   // documentation
        "2002::/16",        // 6to4: embeds an IPv4 address
        "fc00::/7",         // unique local
        "fe80::/10",        // link-local
        "fec0::/10",        // site-local (deprecated)
        "ff00::/8");        // multicast

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            // A dual-stack socket reaches ::ffff:a.b.c.d as a.b.c.d: judge it as that.
            return IsPublicV4(address.MapToIPv4());
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address),
            AddressFamily.InterNetworkV6 => !RefusedV6.Any(n => n.Contains(address)),
            _ => false,
        };
    }

    static bool IsPublicV4(IPAddress address) =>
        !RefusedV4.Any(n => n.Contains(address)) && !address.Equals(IPAddress.Broadcast);

    static IPNetwork[] Networks(params string[] cidrs) => [.. cidrs.Select(IPNetwork.Parse)];
}
