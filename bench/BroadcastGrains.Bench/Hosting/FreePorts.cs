using System.Net;
using System.Net.Sockets;

namespace BroadcastGrains.Bench.Hosting;

/// <summary>Free TCP ports on 127.0.0.1, all held open together while they are picked so none is handed out twice.</summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
