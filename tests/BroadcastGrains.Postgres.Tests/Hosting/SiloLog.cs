namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>What a healthy silo's log must not contain.</summary>
internal static class SiloLog
{
    /// <summary>
    /// No error or critical line (the console logger's <c>fail:</c> / <c>crit:</c>), and in particular none of Orleans'
    /// "Not all required queries found. Missing are: …" that a schema lacking a query key causes.
    /// </summary>
    public static void AssertClean(string log)
    {
        Assert.DoesNotContain("Missing are", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Not all required queries", log, StringComparison.Ordinal);
        var bad = log.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToArray();
        Assert.True(bad.Length == 0, $"The silo logged errors:\n{string.Join('\n', bad)}\n\nFull log:\n{log}");
    }
}
