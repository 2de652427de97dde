using System.Net;
using System.Net.Sockets;

namespace BroadcastGrains.Testing.Hosting;

/// <summary>
/// TCP ports nothing listens on, so silos of one test project never clash with another's (or the default 11111/30000)
/// when test projects run side by side.
/// </summary>
internal static class FreePorts
{
    /// <summary>Ports the operating system offered for 127.0.0.1, all distinct.</summary>
    public static int[] Take(int count)
    {
        // Holding every listener until all are chosen keeps the OS from offering the same port twice.
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
