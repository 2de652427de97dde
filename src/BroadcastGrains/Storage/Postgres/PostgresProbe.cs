using Npgsql;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// Readiness of PostgreSQL: a round trip on a pooled connection. A grain call alone does not tell, because an active
/// grain answers from memory while the database is gone.
/// </summary>
internal sealed class PostgresProbe(NpgsqlDataSource dataSource) : IStorageProbe
{
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
