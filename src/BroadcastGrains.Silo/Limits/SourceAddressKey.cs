using System.Net;
using System.Net.Sockets;

namespace BroadcastGrains.Silo.Limits;

/// <summary>
/// What one "source address" is for per-address limits: an IPv4 address, or the /64 of an IPv6 one. A single IPv6 host
/// usually holds a whole /64, so counting per address would let it pick a fresh one per request.
/// </summary>
internal static class SourceAddressKey
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
