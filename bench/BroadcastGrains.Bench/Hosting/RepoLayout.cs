namespace BroadcastGrains.Bench.Hosting;

/// <summary>Where things are: the repository root (the folder of BroadcastGrains.sln) and the Release silo build.</summary>
internal static class RepoLayout
{
    public static string Root { get; } = FindRoot();

    public static string ResultsFolder => Path.Combine(Root, "bench", "results");

    public static string ResultsMarkdown => Path.Combine(Root, "bench", "RESULTS.md");

    /// <summary>The silo built next to this benchmark's configuration (Release when run as README says).</summary>
    public static string SiloAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Release";
        var path = Path.Combine(Root, "src", "BroadcastGrains.Silo", "bin", configuration, "net10.0", "BroadcastGrains.Silo.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The silo is not built: run `dotnet build -c {configuration} src/BroadcastGrains.Silo` (dotnet run of this project does it).", path);
    }

    static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BroadcastGrains.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("No BroadcastGrains.sln above the benchmark or the current directory.");
    }
}
