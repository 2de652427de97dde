using BroadcastGrains.Storage.Postgres;
using BroadcastGrains.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>The run's one private PostgreSQL server; every test takes databases of its own on it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    PostgresServer? _server;

    internal PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started.");

    /// <summary>A fresh, empty database; answers its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) => Server.CreateDatabaseAsync(prefix);

    /// <summary>A fresh database at this build's schema (migrated in-process: the <c>migrate</c> command has tests of its own).</summary>
    public async Task<string> CreateMigratedDatabaseAsync(string prefix)
    {
        var connectionString = await CreateDatabaseAsync(prefix);
        await MigrateAsync(connectionString);
        return connectionString;
    }

    /// <summary>Brings the database of <paramref name="connectionString"/> (on any server) to this build's schema.</summary>
    internal static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
