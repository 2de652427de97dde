namespace BroadcastGrains.ExternalClient.Tests.Hosting;

/// <summary>Tests that share one silo process and one client.</summary>
[CollectionDefinition(Name)]
public sealed class ExternalClusterCollection : ICollectionFixture<ExternalClusterFixture>
{
    public const string Name = "External cluster";
}
