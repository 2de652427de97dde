using System.Net;
using System.Net.Sockets;

namespace BroadcastGrains.Testing.Security;

/// <summary>
/// Whether a TCP port accepts connections on one address. 127.0.0.2 is a second local address on every Linux host
/// (all of 127.0.0.0/8 is loopback): a port bound to 127.0.0.1 refuses it, one bound to every interface accepts it.
/// </summary>
internal static class PortProbe
{
    public static readonly IPAddress OtherLocalAddress = IPAddress.Parse("127.0.0.2");

    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await client.ConnectAsync(address, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
