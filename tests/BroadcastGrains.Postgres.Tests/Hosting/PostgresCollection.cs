namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>
/// Tests that share the run's PostgreSQL server. They run one after another: each starts silo processes, and on two
/// cores silos starting side by side would only make each other slow.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
