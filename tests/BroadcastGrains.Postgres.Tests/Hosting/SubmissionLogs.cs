namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>
/// One simulator submission log per silo process (<c>Broadcast__Simulator__SubmissionLogPath</c>) in a temporary
/// folder, read together afterwards: a message that appears twice was submitted twice, whichever silos took it.
/// </summary>
public sealed class SubmissionLogs : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("bg-submissions-").FullName;

    /// <summary>The silo settings <paramref name="settings"/> plus a log file of its own named <paramref name="silo"/>.</summary>
    public Dictionary<string, string> For(string silo, IReadOnlyDictionary<string, string> settings) =>
        new(settings) { ["Broadcast__Simulator__SubmissionLogPath"] = Path.Combine(_folder, silo + ".log") };

    /// <summary>How many messages every log holds together, how many of them appear more than once, and each silo's share.</summary>
    public (long Taken, long Twice, Dictionary<string, long> BySilo) Count()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long taken = 0, twice = 0;
        var bySilo = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_folder, "*.log").Order(StringComparer.Ordinal))
        {
            var before = taken;
            foreach (var line in File.ReadLines(file))
            {
                taken++;
                if (!seen.Add(line))
                {
                    twice++;
                }
            }
            bySilo[Path.GetFileNameWithoutExtension(file)] = taken - before;
        }
        return (taken, twice, bySilo);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
