namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Tests that share one <see cref="ThrottledApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ThrottledApiCollection : ICollectionFixture<ThrottledApiFixture>
{
    public const string Name = "api-throttled";
}
