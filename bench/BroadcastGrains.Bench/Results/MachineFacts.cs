using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace BroadcastGrains.Bench.Results;

/// <summary>The machine and the code a run measured: cores, memory, OS, .NET, load, git commit.</summary>
internal sealed record MachineFacts(int Cores, long MemoryBytes, string Os, string DotNet, string Commit, bool Dirty)
{
    public static MachineFacts Read()
    {
        var (commit, dirty) = Git();
        return new MachineFacts(Environment.ProcessorCount, TotalMemory(), RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, commit, dirty);
    }

    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg); the machine is shared, so they belong with every figure.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    static long TotalMemory()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        }
    }

    static (string Commit, bool Dirty) Git()
    {
        try
        {
            var commit = Run("rev-parse", "HEAD").Trim();
            var dirty = Run("status", "--porcelain", "--untracked-files=no").Trim().Length > 0;
            return (commit, dirty);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return ("unknown", false);
        }
    }

    static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Hosting.RepoLayout.Root };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : throw new InvalidOperationException($"git exited with {git.ExitCode}");
    }
}
