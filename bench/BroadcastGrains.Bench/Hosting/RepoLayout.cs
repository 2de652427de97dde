using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Bench.Hosting;

/// <summary>Where things are: the repository root (the folder of BroadcastGrains.sln) and the results files.</summary>
internal static class RepoLayout
{
    public static string Root => SiloBuild.RepositoryRoot.FullName;

    public static string ResultsFolder => Path.Combine(Root, "bench", "results");

    public static string ResultsMarkdown => Path.Combine(Root, "bench", "RESULTS.md");
}
