using System.Diagnostics;
using System.Text.Json;

namespace BroadcastGrains.Smpp.Tests.Smsc;

/// <summary>
/// The test SMSC (tests/smsc/smsc.js) as a child process on 127.0.0.1. It prints its ports on its first line and exits
/// when its standard input closes, so it dies with the test host even if the host is killed. A journal file lets a
/// restarted SMSC (same SMPP port) remember what the killed one accepted.
/// </summary>
public sealed class SmscProcess : IAsyncDisposable
{
    public const string Password = "secret";

    static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);

    readonly string _journal = Path.Combine(Path.GetTempPath(), $"smsc-{Guid.NewGuid():N}.journal");
    Process? _process;

    public int SmppPort { get; private set; }

    public SmscControl Control { get; private set; } = null!;

    public static async Task<SmscProcess> StartAsync()
    {
        var smsc = new SmscProcess();
        await smsc.LaunchAsync(port: 0);
        return smsc;
    }

    /// <summary>Kills the SMSC outright (no unbind, sockets reset), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts it again on the same SMPP port with the same journal.</summary>
    public Task RestartAsync() => LaunchAsync(SmppPort);

    async Task LaunchAsync(int port)
    {
        var directory = SmscDirectory();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "smsc.js", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--password", Password, "--journal", _journal })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(StartDeadline)
            ?? throw new InvalidOperationException("the test SMSC exited before listening; run `npm ci` in tests/smsc");
        using var ports = JsonDocument.Parse(line);
        SmppPort = ports.RootElement.GetProperty("smpp").GetInt32();
        Control?.Dispose();
        Control = new SmscControl(ports.RootElement.GetProperty("control").GetInt32());
    }

    static string SmscDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "smsc");
            if (File.Exists(Path.Combine(candidate, "smsc.js")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("tests/smsc/smsc.js not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            // Closing stdin is the SMSC's signal to exit; kill it if it does not.
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
        Control?.Dispose();
        File.Delete(_journal);
    }
}
