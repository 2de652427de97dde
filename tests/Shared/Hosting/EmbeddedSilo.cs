namespace BroadcastGrains.Testing.Hosting;

/// <summary>
/// The real silo (<see cref="ChildSilo"/>) in the embedded default, in-memory storage and the simulator carrier, on
/// free ports: what README's first command runs, with an admin key and the given extra settings.
/// </summary>
internal sealed partial class EmbeddedSilo : IAsyncDisposable
{
    static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    readonly ChildSilo _silo;

    EmbeddedSilo(ChildSilo silo, SiloEndpoints endpoints)
    {
        _silo = silo;
        Endpoints = endpoints;
    }

    public SiloEndpoints Endpoints { get; }

    /// <summary>Where the silo's HTTP API listens.</summary>
    public Uri Address => Endpoints.HttpAddress;

    /// <summary>The silo's latest stdout and stderr lines.</summary>
    public string Log => _silo.Log;

    /// <summary>Starts the silo and waits until it is ready; <paramref name="settings"/> add to or override the defaults.</summary>
    public static async Task<EmbeddedSilo> StartAsync(string adminKey, string clusterId,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var endpoints = SiloEndpoints.Fresh();
        var environment = endpoints.Environment();
        environment["Broadcast__AdminKey"] = adminKey;
        environment["Broadcast__Storage"] = "Memory";
        environment["Broadcast__Cluster__ClusterId"] = clusterId;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return new EmbeddedSilo(await ChildSilo.StartAsync(environment, endpoints.HttpAddress, ReadyDeadline), endpoints);
    }

    /// <inheritdoc cref="ChildSilo.TerminateAsync"/>
    public Task<int?> TerminateAsync(TimeSpan deadline) => _silo.TerminateAsync(deadline);

    /// <inheritdoc cref="ChildSilo.InterruptAsync"/>
    public Task<int?> InterruptAsync(TimeSpan deadline) => _silo.InterruptAsync(deadline);

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
