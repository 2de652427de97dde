namespace BroadcastGrains.Tests.Quota;

/// <summary>The daily quota scenarios' own cluster: they move its clock, which no other test may see.</summary>
[CollectionDefinition(Name)]
public sealed class QuotaClusterCollection : ICollectionFixture<QuotaClusterFixture>
{
    public const string Name = "Cluster (daily quota, set clock)";
}
