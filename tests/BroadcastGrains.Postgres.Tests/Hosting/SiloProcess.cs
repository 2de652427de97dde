using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>
/// The real silo, <c>dotnet BroadcastGrains.Silo.dll</c>, on PostgreSQL. Its output is kept for assertions and failure
/// messages; the process is killed on dispose and, should the test host exit first, on the host's exit.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    public const string AdminKey = "adm_postgres_tests_0123456789abcdef";
    public const string ClusterId = "broadcastgrains";

    static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(90);
    static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);
    const int KeptLogLines = 20_000;

    readonly Process _process;
    readonly ConcurrentQueue<string> _log = new();

    SiloProcess(Process process, SiloEndpoints endpoints)
    {
        _process = process;
        Endpoints = endpoints;
    }

    public SiloEndpoints Endpoints { get; }

    /// <summary>Everything the silo wrote to stdout and stderr so far.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the silo dies mid-whatever, as on a machine failure.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Starts a silo and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(SiloEndpoints endpoints, string connectionString,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var silo = Launch(endpoints, connectionString, [], settings);
        try
        {
            await silo.WaitUntilReadyAsync();
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the silo program to its end (<c>migrate</c>, or a start that is refused): its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string connectionString, params string[] arguments)
    {
        await using var silo = Launch(SiloEndpoints.Fresh(), connectionString, arguments, settings: null);
        using var deadline = new CancellationTokenSource(ExitDeadline);
        try
        {
            await silo._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"'{string.Join(' ', arguments)}' still ran after {ExitDeadline.TotalSeconds} s:\n{silo.Log}");
        }
        silo._process.WaitForExit(); // lets the asynchronous output readers drain
        return (silo._process.ExitCode, silo.Log);
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
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }
        using var deadline = new CancellationTokenSource(ExitDeadline);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but slow to be reaped: nothing more a test can do.
        }
        _process.Dispose();
    }

    static SiloProcess Launch(SiloEndpoints endpoints, string connectionString, string[] arguments,
        IReadOnlyDictionary<string, string>? settings)
    {
        var start = SiloCommandLine.Create(endpoints, connectionString, arguments);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, endpoints);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.Start();
        AppDomain.CurrentDomain.ProcessExit += silo.OnHostExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    async Task WaitUntilReadyAsync()
    {
        using var http = Http();
        http.Timeout = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was ready.\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > ReadyDeadline)
            {
                throw new TimeoutException($"The silo at {Endpoints.HttpAddress} was not ready within {ReadyDeadline.TotalSeconds} s.\n{Log}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _log.Enqueue(line);
        while (_log.Count > KeptLogLines && _log.TryDequeue(out _))
        {
        }
    }

    void OnHostExit(object? sender, EventArgs e) => Kill();

    void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone (or never started).
        }
    }
}
