namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Tests that move the broadcasts' clock (<see cref="ClockedApiFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ClockedApiCollection : ICollectionFixture<ClockedApiFixture>
{
    public const string Name = "clocked-api";
}
