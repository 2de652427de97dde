namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>Tests sharing <see cref="SiloFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
