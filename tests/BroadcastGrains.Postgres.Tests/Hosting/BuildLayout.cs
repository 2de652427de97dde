namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>
/// Finds the built silo from this assembly's own output folder (<c>…/bin/{Configuration}/{tfm}/</c>), so a Release
/// test run starts the Release silo and a Debug run the Debug one. The silo runs from its own output folder, with its
/// own deps.json and appsettings.json, exactly as an operator runs it.
/// </summary>
internal static class BuildLayout
{
    const string SolutionFile = "BroadcastGrains.sln";
    const string SiloProject = "BroadcastGrains.Silo";

    public static string SiloAssemblyPath()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var targetFramework = output.Name;
        var configuration = output.Parent?.Name
            ?? throw new InvalidOperationException($"'{output.FullName}' is not a bin/<Configuration>/<tfm> folder");
        var path = Path.Combine(RepositoryRoot(output).FullName, "src", SiloProject, "bin", configuration, targetFramework,
            SiloProject + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The silo is not built for {configuration}; build the solution first.", path);
    }

    static DirectoryInfo RepositoryRoot(DirectoryInfo start)
    {
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir;
            }
        }
        throw new DirectoryNotFoundException($"No {SolutionFile} above '{start.FullName}'.");
    }
}
