namespace BroadcastGrains.Testing.Hosting;

/// <summary>
/// Finds the built silo from the running assembly's own output folder (<c>…/bin/{Configuration}/{tfm}/</c>), so a
/// Release run starts the Release silo and a Debug run the Debug one. The silo runs from its own output folder, with its
/// own deps.json and appsettings.json, exactly as an operator runs it.
/// </summary>
internal static class SiloBuild
{
    const string SolutionFile = "BroadcastGrains.sln";
    const string SiloProject = "BroadcastGrains.Silo";

    /// <summary>The folder of BroadcastGrains.sln above the running assembly.</summary>
    public static DirectoryInfo RepositoryRoot { get; } = FindRepositoryRoot();

    public static string AssemblyPath()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var targetFramework = output.Name;
        var configuration = output.Parent?.Name
            ?? throw new InvalidOperationException($"'{output.FullName}' is not a bin/<Configuration>/<tfm> folder");
        var path = Path.Combine(RepositoryRoot.FullName, "src", SiloProject, "bin", configuration, targetFramework,
            SiloProject + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The silo is not built for {configuration}: build the solution, or `dotnet build -c {configuration} src/{SiloProject}`.",
                path);
    }

    static DirectoryInfo FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir;
                }
            }
        }
        throw new DirectoryNotFoundException($"No {SolutionFile} above '{AppContext.BaseDirectory}' or the current directory.");
    }
}
