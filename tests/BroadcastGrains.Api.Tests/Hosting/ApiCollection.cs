namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Tests that share one silo (<see cref="ApiFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
