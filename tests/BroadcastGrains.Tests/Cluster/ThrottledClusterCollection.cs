namespace BroadcastGrains.Tests.Cluster;

/// <summary>Tests that share the throttled, failing cluster (<see cref="ThrottledClusterFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ThrottledClusterCollection : ICollectionFixture<ThrottledClusterFixture>
{
    public const string Name = "Cluster (throttled)";
}
