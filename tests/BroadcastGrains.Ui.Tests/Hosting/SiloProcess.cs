using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace BroadcastGrains.Ui.Tests.Hosting;

/// <summary>
/// The real silo, <c>dotnet BroadcastGrains.Silo.dll</c> from this build's output, in embedded (in-memory) mode on free
/// ports with the given extra settings. Its output is kept for failure messages; it is killed on dispose and on the test
/// host's exit.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    const int KeptLogLines = 400;

    readonly Process process;
    readonly ConcurrentQueue<string> log = new();

    SiloProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log => string.Join(Environment.NewLine, log);

    public static async Task<SiloProcess> StartAsync(string adminKey, IReadOnlyDictionary<string, string> settings)
    {
        var silo = BuildLayout.SiloAssemblyPath();
        var ports = FreePorts.Take(3);
        var address = new Uri($"http://127.0.0.1:{ports[0]}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(silo)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(silo);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Broadcast__AdminKey"] = adminKey;
        start.Environment["Broadcast__Storage"] = "Memory";
        start.Environment["Broadcast__Cluster__ClusterId"] = "ui-tests-" + Guid.NewGuid().ToString("N")[..8];
        start.Environment["Broadcast__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        start.Environment["Broadcast__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var running = new SiloProcess(new Process { StartInfo = start }, address);
        running.process.OutputDataReceived += (_, e) => running.Keep(e.Data);
        running.process.ErrorDataReceived += (_, e) => running.Keep(e.Data);
        running.process.Start();
        AppDomain.CurrentDomain.ProcessExit += running.OnHostExit;
        running.process.BeginOutputReadLine();
        running.process.BeginErrorReadLine();
        try
        {
            await running.WaitUntilReadyAsync();
            return running;
        }
        catch
        {
            await running.DisposeAsync();
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
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }
        process.Dispose();
    }

    async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode} before it was ready.{Environment.NewLine}{Log}");
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
            }
            if (clock.Elapsed > ReadyDeadline)
            {
                throw new TimeoutException($"The silo at {Address} was not ready within {ReadyDeadline.TotalSeconds} s.{Environment.NewLine}{Log}");
            }
            await Task.Delay(250);
        }
    }

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        log.Enqueue(line);
        while (log.Count > KeptLogLines && log.TryDequeue(out _))
        {
        }
    }

    void OnHostExit(object? sender, EventArgs e) => Kill();

    void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

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
