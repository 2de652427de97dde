using System.Diagnostics;

namespace BroadcastGrains.Bench;

/// <summary>Progress lines on stderr, stamped with the time since the run began; stdout keeps the results table.</summary>
internal static class Progress
{
    static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Say(string line)
    {
        var t = Clock.Elapsed;
        Console.Error.WriteLine($"[{(int)t.TotalMinutes:00}:{t.Seconds:00}] {line}");
    }
}
