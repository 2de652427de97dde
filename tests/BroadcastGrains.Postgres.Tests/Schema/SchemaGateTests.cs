using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Schema;

/// <summary>A silo on PostgreSQL refuses a schema older than its code, and says to run <c>migrate</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaGateTests(PostgresFixture postgres)
{
    const int SchemaOutdated = 3;

    [Fact]
    public async Task A_silo_refuses_to_start_on_a_database_that_was_never_migrated()
    {
        var database = await postgres.CreateDatabaseAsync("gate_empty");

        var (exitCode, output) = await SiloProcess.RunToExitAsync(database);

        Assert.True(exitCode == SchemaOutdated, output);
        Assert.Contains("has no BroadcastGrains schema", output, StringComparison.Ordinal);
        Assert.Contains("Run `migrate` first", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Silo starting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_refuses_an_older_schema_and_starts_once_migrate_upgraded_it()
    {
        var database = await postgres.CreateDatabaseAsync("gate_old");
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance)
                .MigrateToAsync(SchemaScript.LatestVersion - 1, CancellationToken.None);
        }

        var refused = await SiloProcess.RunToExitAsync(database);

        Assert.True(refused.ExitCode == SchemaOutdated, refused.Output);
        Assert.Contains($"schema is at version {SchemaScript.LatestVersion - 1}, older than this silo's {SchemaScript.LatestVersion}",
            refused.Output, StringComparison.Ordinal);
        Assert.Contains("Run `migrate` first", refused.Output, StringComparison.Ordinal);

        var migrated = await SiloProcess.RunToExitAsync(database, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        await using var silo = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database);
        Assert.Contains($"PostgreSQL schema version {SchemaScript.LatestVersion}: current", silo.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_without_a_connection_string_says_which_setting_is_missing()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(connectionString: "");

        Assert.True(exitCode == 2, output);
        Assert.Contains("ConnectionStrings__Postgres", output, StringComparison.Ordinal);
    }
}
