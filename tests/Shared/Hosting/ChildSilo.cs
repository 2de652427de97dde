using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace BroadcastGrains.Testing.Hosting;

/// <summary>
/// The real silo as an operator runs it, <c>dotnet BroadcastGrains.Silo.dll [arguments]</c> from its own build output,
/// configured only through environment variables. Its latest output lines are kept for failure messages, and the
/// process tree is killed on dispose and, should the host exit without disposing, on the host's exit. Shared by the
/// test projects that run silo processes and by the benchmark (linked into each as source).
/// </summary>
internal sealed class ChildSilo : IAsyncDisposable
{
    static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(200);
    static readonly TimeSpan ReapDeadline = TimeSpan.FromSeconds(10);

    readonly Process _process;
    readonly ConcurrentQueue<string> _log = new();
    readonly int _keptLogLines;

    ChildSilo(Process process, int keptLogLines)
    {
        _process = process;
        _keptLogLines = keptLogLines;
    }

    public int Pid => _process.Id;

    /// <summary>The silo's latest stdout and stderr lines.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>Starts the silo; <paramref name="environment"/> is its whole configuration.</summary>
    public static ChildSilo Launch(IReadOnlyDictionary<string, string> environment, IEnumerable<string>? arguments = null,
        int keptLogLines = 2_000)
    {
        var siloAssembly = SiloBuild.AssemblyPath();
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root is the working directory: run where the silo's appsettings.json is.
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(siloAssembly);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var silo = new ChildSilo(new Process { StartInfo = start, EnableRaisingEvents = true }, keptLogLines);
        silo._process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.Start();
        AppDomain.CurrentDomain.ProcessExit += silo.OnHostExit;
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Starts the silo and waits until it is ready; a silo that does not get there is killed.</summary>
    public static async Task<ChildSilo> StartAsync(IReadOnlyDictionary<string, string> environment, Uri httpAddress,
        TimeSpan readyDeadline, int keptLogLines = 2_000)
    {
        var silo = Launch(environment, keptLogLines: keptLogLines);
        try
        {
            await silo.WaitUntilReadyAsync(httpAddress, readyDeadline);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <c>/health/ready</c> at <paramref name="httpAddress"/> answers 200; fails with the log.</summary>
    async Task WaitUntilReadyAsync(Uri httpAddress, TimeSpan deadline)
    {
        using var http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(5) };
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
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException(
                    $"The silo at {httpAddress} was not ready within {deadline.TotalSeconds} s.{Environment.NewLine}{Log}");
            }
            await Task.Delay(ReadyPollInterval);
        }
    }

    /// <summary>
    /// Waits for the silo to end (a <c>migrate</c>, a refused start) and answers its exit code, with its last lines in
    /// <see cref="Log"/>; null when it still runs after <paramref name="deadline"/>.
    /// </summary>
    public async Task<int?> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        _process.WaitForExit(); // lets the asynchronous output readers take the last lines
        return _process.ExitCode;
    }

    /// <summary>
    /// Sends SIGTERM, as a container runtime or systemd does, and answers the exit code, or null when the silo still
    /// runs after <paramref name="deadline"/>.
    /// </summary>
    public Task<int?> TerminateAsync(TimeSpan deadline) => SignalAsync("-TERM", deadline);

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does, and answers as <see cref="TerminateAsync"/>.</summary>
    public Task<int?> InterruptAsync(TimeSpan deadline) => SignalAsync("-INT", deadline);

    async Task<int?> SignalAsync(string signal, TimeSpan deadline)
    {
        using (var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        return await WaitForExitAsync(deadline);
    }

    /// <summary>SIGKILL: the silo dies mid-whatever, as on a machine failure.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>The peak resident set size so far (VmHWM of /proc/&lt;pid&gt;/status), in bytes; 0 off Linux.</summary>
    public long PeakRssBytes() => ReadStatusKb("VmHWM:") * 1024;

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        Kill();
        using var timeout = new CancellationTokenSource(ReapDeadline);
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

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _log.Enqueue(line);
        while (_log.Count > _keptLogLines && _log.TryDequeue(out _))
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

    // The host usually runs under the dotnet muxer; use that same one so the silo gets the same runtime.
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
