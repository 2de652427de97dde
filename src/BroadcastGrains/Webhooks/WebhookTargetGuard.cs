using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Webhooks;

/// <summary>
/// Refuses webhook connections to addresses <see cref="WebhookAddressRule"/> does not call public unless configuration
/// allows them. Checked on the address actually connected to (after DNS), so a name that resolves inward is refused too.
/// </summary>
internal sealed class WebhookTargetGuard(IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowPrivate = options.Value.AllowPrivateTargets ?? false;
        var allowed = addresses.Where(a => allowPrivate || WebhookAddressRule.IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookTargetRefusedException(host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The webhook URL points at an address configuration does not allow.</summary>
internal sealed class WebhookTargetRefusedException(string host)
    : Exception($"webhook target '{host}' resolves only to loopback or private addresses, which are not allowed");
