using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Bench.Hosting;

/// <summary>
/// The real silo (<see cref="ChildSilo"/>) on free 127.0.0.1 ports with the given settings, killed on dispose and when the
/// benchmark exits.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(120);
    const int KeptLines = 200;

    readonly ChildSilo _silo;

    SiloProcess(ChildSilo silo, Uri address)
    {
        _silo = silo;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _silo.Pid;

    public string Log => _silo.Log;

    /// <summary>Ports and cluster id are chosen here; <paramref name="settings"/> add to or override them.</summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var endpoints = SiloEndpoints.Fresh();
        var environment = endpoints.Environment();
        environment["Broadcast__Cluster__ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        return new SiloProcess(await ChildSilo.StartAsync(environment, endpoints.HttpAddress, ReadyDeadline, KeptLines),
            endpoints.HttpAddress);
    }

    /// <summary>Runs <c>dotnet BroadcastGrains.Silo.dll migrate</c> to its end; throws with its output unless it exits 0.</summary>
    public static async Task MigrateAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var migrate = ChildSilo.Launch(settings, ["migrate"]);
        var exitCode = await migrate.WaitForExitAsync(Timeout.InfiniteTimeSpan);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"migrate exited with {exitCode}:\n{migrate.Log}");
        }
    }

    /// <inheritdoc cref="ChildSilo.PeakRssBytes"/>
    public long PeakRssBytes() => _silo.PeakRssBytes();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
