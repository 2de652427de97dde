namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>
/// Tests that spend most of their time waiting for a stored reminder or a scheduled run to come due, with one silo
/// idle meanwhile. They run beside <see cref="PostgresCollection"/> rather than after it, on a private server of their
/// own (a second <see cref="PostgresFixture"/>): their waits are wall-clock time, not CPU, so the run's two cores lose
/// little and the project's time drops by their length (about 2 min 40 s of 7 min 48 s).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClockBoundCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL, waiting on the clock";
}
