namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>The pacing scenarios' own cluster; runs beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class PacingCollection : ICollectionFixture<PacingFixture>
{
    public const string Name = "Cluster (pacing, minutes long)";
}
