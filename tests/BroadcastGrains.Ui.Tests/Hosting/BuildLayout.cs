namespace BroadcastGrains.Ui.Tests.Hosting;

/// <summary>Finds the silo built for this test run's configuration (<c>src/BroadcastGrains.Silo/bin/{Configuration}/{tfm}</c>).</summary>
internal static class BuildLayout
{
    public static string SiloAssemblyPath()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = output.Parent?.Name ?? throw new InvalidOperationException($"'{output.FullName}' is not bin/<Configuration>/<tfm>");
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BroadcastGrains.sln")))
            {
                var path = Path.Combine(dir.FullName, "src", "BroadcastGrains.Silo", "bin", configuration, output.Name, "BroadcastGrains.Silo.dll");
                return File.Exists(path) ? path : throw new FileNotFoundException("The silo is not built; build the solution first.", path);
            }
        }
        throw new DirectoryNotFoundException($"No BroadcastGrains.sln above '{output.FullName}'.");
    }
}
