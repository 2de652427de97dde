using System.Net;
using System.Net.Sockets;

namespace BroadcastGrains.Ui.Tests.Hosting;

/// <summary>Loopback TCP ports nothing listens on, all distinct, so this project's silo never clashes with another's.</summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
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
            listeners.ForEach(l => l.Stop());
        }
    }
}
