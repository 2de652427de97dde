using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace BroadcastGrains.Bench.Hosting;

/// <summary>
/// The real silo, <c>dotnet BroadcastGrains.Silo.dll</c>, on free 127.0.0.1 ports with the given settings; its last output
/// lines are kept for failure messages. Killed on dispose and when the benchmark exits.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(120);
    const int KeptLines = 200;

    readonly Process _process;
    readonly ConcurrentQueue<string> _log = new();

    SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>Ports and cluster id are chosen here; <paramref name="settings"/> add to or override them.</summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var ports = FreePorts.Take(3);
        var address = new Uri($"http://127.0.0.1:{ports[0]}");
        var start = Command([]);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Broadcast__Cluster__ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..8];
        start.Environment["Broadcast__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        start.Environment["Broadcast__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture);
        start.Environment["Broadcast__Cluster__AdvertisedAddress"] = "127.0.0.1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var silo = new SiloProcess(new Process { StartInfo = start }, address);
        silo._process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.Start();
        AppDomain.CurrentDomain.ProcessExit += silo.OnHostExit;
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
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

    /// <summary>Runs <c>dotnet BroadcastGrains.Silo.dll migrate</c> to its end; throws with its output unless it exits 0.</summary>
    public static async Task MigrateAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = Command(["migrate"]);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"migrate exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    /// <summary>The peak resident set size so far (VmHWM of /proc/&lt;pid&gt;/status), in bytes; 0 off Linux.</summary>
    public long PeakRssBytes() => ReadStatusKb("VmHWM:") * 1024;

    /// <summary>The current resident set size (VmRSS), in bytes.</summary>
    public long RssBytes() => ReadStatusKb("VmRSS:") * 1024;

    long ReadStatusKb(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
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
            // Killed but slow to be reaped: nothing more to do.
        }
        _process.Dispose();
    }

    static ProcessStartInfo Command(string[] arguments)
    {
        var silo = RepoLayout.SiloAssembly();
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root is the working directory: run where the silo's appsettings.json is.
            WorkingDirectory = Path.GetDirectoryName(silo)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(silo);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
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
                throw new TimeoutException($"The silo at {Address} was not ready within {ReadyDeadline.TotalSeconds} s.\n{Log}");
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
        _log.Enqueue(line);
        while (_log.Count > KeptLines && _log.TryDequeue(out _))
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
            // Never started or already gone.
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
