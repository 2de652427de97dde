using System.Net;
using System.Net.Sockets;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>Ports nobody listens on right now, so every silo of every parallel test run gets its own.</summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
        // All listeners stay open until every port is chosen, so the OS never hands out the same port twice.
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
