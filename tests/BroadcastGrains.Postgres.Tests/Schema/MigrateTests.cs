using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Schema;

/// <summary><c>dotnet BroadcastGrains.Silo.dll migrate</c>, run as an operator runs it (API.md "Running and configuration").</summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrateTests(PostgresFixture postgres)
{
    /// <summary>Every query key Orleans 10.4.2's clustering, persistence and reminder providers load at start.</summary>
    static readonly string[] OrleansQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Migrate_creates_the_whole_schema_and_records_its_version()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_new");

        var (exitCode, output) = await SiloProcess.RunToExitAsync(database, "migrate");

        Assert.True(exitCode == 0, output);
        Assert.Equal(SchemaScript.LatestVersion,
            await SchemaSnapshot.ScalarAsync<int>(database, "SELECT max(version) FROM broadcast_schema_version"));
        Assert.Equal(string.Join(",", SchemaScript.All.Select(s => s.Name)),
            await SchemaSnapshot.ScalarAsync<string>(database, "SELECT string_agg(script, ',' ORDER BY version) FROM broadcast_schema_version"));
        var keys = await SchemaSnapshot.ScalarAsync<string[]>(database, "SELECT array_agg(QueryKey ORDER BY QueryKey) FROM OrleansQuery");
        Assert.Equal(OrleansQueryKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrate_twice_exits_0_both_times_and_the_second_changes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_twice");
        var first = await SiloProcess.RunToExitAsync(database, "migrate");
        Assert.True(first.ExitCode == 0, first.Output);
        var before = await SchemaSnapshot.TakeAsync(database);

        var second = await SiloProcess.RunToExitAsync(database, "migrate");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("nothing to do", second.Output, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaSnapshot.TakeAsync(database));
    }

    [Fact]
    public async Task Migrate_upgrades_a_database_an_older_build_migrated()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_upgrade");
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance)
                .MigrateToAsync(SchemaScript.LatestVersion - 1, CancellationToken.None);
        }

        var (exitCode, output) = await SiloProcess.RunToExitAsync(database, "migrate");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Applying schema step {SchemaScript.LatestVersion}: {SchemaScript.All[^1].Name}", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"Applying schema step {SchemaScript.LatestVersion - 1}:", output, StringComparison.Ordinal);
        Assert.Equal(SchemaScript.LatestVersion,
            await SchemaSnapshot.ScalarAsync<int>(database, "SELECT max(version) FROM broadcast_schema_version"));
    }

    [Fact]
    public async Task A_failing_step_rolls_the_whole_migration_back()
    {
        var database = await postgres.CreateDatabaseAsync("migrate_rollback");
        // A table in the way of the reminders step: it fails, and the steps before it must not stay applied either.
        await using (var dataSource = NpgsqlDataSource.Create(database))
        await using (var command = dataSource.CreateCommand("CREATE TABLE orleans_reminders (x int)"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var (exitCode, output) = await SiloProcess.RunToExitAsync(database, "migrate");

        Assert.True(exitCode == 1, output);
        Assert.Contains("rolled back", output, StringComparison.Ordinal);
        Assert.False(await SchemaSnapshot.ScalarAsync<bool>(database, "SELECT to_regclass('broadcast_schema_version') IS NOT NULL"));
        Assert.False(await SchemaSnapshot.ScalarAsync<bool>(database, "SELECT to_regclass('OrleansQuery') IS NOT NULL"));
    }
}
