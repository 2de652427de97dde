namespace BroadcastGrains.Tests.Cluster;

/// <summary>Tests that share the default cluster (<see cref="ClusterFixture"/>); xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
