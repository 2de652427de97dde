namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Tests that share one <see cref="EdgeApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class EdgeApiCollection : ICollectionFixture<EdgeApiFixture>
{
    public const string Name = "api-edge";
}
