using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace BroadcastGrains.ExternalClient.Tests.Hosting;

/// <summary>
/// The real silo, run as <c>dotnet BroadcastGrains.Silo.dll</c> in embedded (in-memory) mode on free ports. Its output
/// is kept for failure messages; the process tree is killed on dispose and, should the test host exit without disposing,
/// on the host's exit.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    public const string ClusterId = "broadcastgrains";

    static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(250);
    const int KeptLogLines = 500;

    readonly Process _process;
    readonly ConcurrentQueue<string> _log = new();

    SiloProcess(Process process, Uri httpAddress, int gatewayPort)
    {
        _process = process;
        HttpAddress = httpAddress;
        GatewayPort = gatewayPort;
    }

    /// <summary>Where the silo's HTTP API listens.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The port Orleans clients connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>The silo's latest stdout and stderr lines.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    public static async Task<SiloProcess> StartAsync(string adminKey)
    {
        var siloAssembly = BuildLayout.SiloAssemblyPath();
        var ports = FreePorts.Take(3);
        var httpAddress = new Uri($"http://127.0.0.1:{ports[0]}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root is the working directory: run where the silo's appsettings.json is.
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(siloAssembly);
        start.Environment["ASPNETCORE_URLS"] = httpAddress.ToString();
        start.Environment["Broadcast__AdminKey"] = adminKey;
        start.Environment["Broadcast__Storage"] = "Memory";
        start.Environment["Broadcast__Cluster__ClusterId"] = ClusterId;
        start.Environment["Broadcast__Cluster__SiloPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Broadcast__Cluster__GatewayPort"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Broadcast__Simulator__ReceiptDelayMs"] = "50";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, httpAddress, ports[2]);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.Start();
        AppDomain.CurrentDomain.ProcessExit += silo.OnHostExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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

    async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The silo exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{Log}");
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
                throw new TimeoutException(
                    $"The silo at {HttpAddress} was not ready within {ReadyDeadline.TotalSeconds} s.{Environment.NewLine}{Log}");
            }
            await Task.Delay(ReadyPollInterval);
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
            // Already gone.
        }
    }

    // The test host usually runs under the dotnet muxer; use that same one so the silo gets the same runtime.
    static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
