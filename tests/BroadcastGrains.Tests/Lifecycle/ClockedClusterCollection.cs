namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>Tests that move the broadcasts' clock (<see cref="ClockedClusterFixture"/>); xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClockedClusterCollection : ICollectionFixture<ClockedClusterFixture>
{
    public const string Name = "Cluster (clocked)";
}
