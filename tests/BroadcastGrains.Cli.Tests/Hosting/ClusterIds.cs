namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>A cluster id of its own for each silo these tests start, so two never take each other for a member.</summary>
internal static class ClusterIds
{
    public static string Fresh() => "cli-tests-" + Guid.NewGuid().ToString("N")[..8];
}
