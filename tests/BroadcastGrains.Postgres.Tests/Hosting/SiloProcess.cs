namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>
/// The real silo (<see cref="ChildSilo"/>) on PostgreSQL, configured as README's "Running a cluster" says. Its output
/// is kept for assertions and failure messages.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    public const string AdminKey = "adm_postgres_tests_0123456789abcdef";
    public const string ClusterId = "broadcastgrains";

    static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(90);
    static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);
    const int KeptLogLines = 20_000;

    readonly ChildSilo _silo;

    SiloProcess(ChildSilo silo, SiloEndpoints endpoints)
    {
        _silo = silo;
        Endpoints = endpoints;
    }

    public SiloEndpoints Endpoints { get; }

    /// <summary>Everything the silo wrote to stdout and stderr so far.</summary>
    public string Log => _silo.Log;

    /// <summary>SIGKILL: the silo dies mid-whatever, as on a machine failure.</summary>
    public void KillHard() => _silo.KillHard();

    /// <summary>Starts a silo and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(SiloEndpoints endpoints, string connectionString,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = SettingsFor(endpoints, connectionString, settings);
        return new SiloProcess(await ChildSilo.StartAsync(environment, endpoints.HttpAddress, ReadyDeadline, KeptLogLines),
            endpoints);
    }

    /// <summary>Runs the silo program to its end (<c>migrate</c>, or a start that is refused): its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunToExitAsync(string connectionString, params string[] arguments) =>
        RunToExitAsync(connectionString, settings: null, arguments);

    /// <inheritdoc cref="RunToExitAsync(string, string[])"/>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string connectionString,
        IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var endpoints = SiloEndpoints.Fresh();
        await using var running = new SiloProcess(
            ChildSilo.Launch(SettingsFor(endpoints, connectionString, settings), arguments, KeptLogLines), endpoints);
        if (await running._silo.WaitForExitAsync(ExitDeadline) is not { } exitCode)
        {
            Assert.Fail($"'{string.Join(' ', arguments)}' still ran after {ExitDeadline.TotalSeconds} s:\n{running.Log}");
            return default;
        }
        return (exitCode, running.Log);
    }

    /// <summary>A client for the silo's HTTP API, optionally sending a bearer key.</summary>
    public HttpClient Http(string? bearer = null)
    {
        var http = new HttpClient { BaseAddress = Endpoints.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return http;
    }

    /// <summary>Stops the silo the way an orchestrator does (SIGTERM) and answers its exit code.</summary>
    public async Task<int> StopAsync()
    {
        return await _silo.TerminateAsync(ExitDeadline) ?? throw new TimeoutException($"The silo still ran {ExitDeadline.TotalSeconds} s after SIGTERM:\n{Log}");
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    /// <summary>The settings an operator sets for a silo on PostgreSQL (README "Running a cluster").</summary>
    static Dictionary<string, string> SettingsFor(SiloEndpoints endpoints, string connectionString,
        IReadOnlyDictionary<string, string>? settings)
    {
        var environment = endpoints.Environment();
        environment["Broadcast__Storage"] = "Postgres";
        environment["ConnectionStrings__Postgres"] = connectionString;
        environment["Broadcast__AdminKey"] = AdminKey;
        environment["Broadcast__CarrierSecret"] = "carrier-secret-for-postgres-tests";
        environment["Broadcast__Cluster__ClusterId"] = ClusterId;
        environment["Broadcast__Simulator__ReceiptDelayMs"] = "50";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
        return environment;
    }
}
