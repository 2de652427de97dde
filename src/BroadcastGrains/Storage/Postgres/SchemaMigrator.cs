using Microsoft.Extensions.Logging;
using Npgsql;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// Brings a database to this build's schema: every missing step, in order, in ONE transaction, so a failed step leaves
/// the database as it was. An advisory lock makes concurrent runs (two operators, two deploy jobs) wait for each other
/// instead of applying a step twice. A database already at the latest version is not written to.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Any constant works; it only has to be the same for every migrate run against one database.
    const long AdvisoryLockKey = 0x42_72_6F_61_64_63_61_73; // "Broadcas"

    /// <summary>Applies the missing steps; answers the versions before and after.</summary>
    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken) =>
        MigrateToAsync(SchemaScript.LatestVersion, cancellationToken);

    /// <summary>Applies the missing steps up to <paramref name="version"/> (what an older build would have done).</summary>
    public async Task<MigrationResult> MigrateToAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var existed = await SchemaVersionTable.ExistsAsync(connection, transaction, cancellationToken);
        if (!existed)
        {
            await using var create = new NpgsqlCommand(SchemaVersionTable.Create, connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var applied = await SchemaVersionTable.ReadAppliedAsync(connection, transaction, cancellationToken);
        int? before = existed ? applied.Keys.DefaultIfEmpty(0).Max() : null;
        WarnAboutEditedSteps(applied);

        var missing = SchemaScript.All.Where(s => s.Version <= version && !applied.ContainsKey(s.Version)).ToArray();
        foreach (var script in missing)
        {
            LogApplying(logger, script.Version, script.Name);
            await using var command = new NpgsqlCommand(script.Sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await SchemaVersionTable.RecordAsync(connection, transaction, script, cancellationToken);
        }
        if (missing.Length == 0 && existed)
        {
            // Nothing was written: roll back rather than commit an empty transaction, so "no change" is literal.
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }
        var after = applied.Keys.Concat(missing.Select(s => s.Version)).DefaultIfEmpty(0).Max();
        return new MigrationResult(before, after, [.. missing.Select(s => s.Name)]);
    }

    void WarnAboutEditedSteps(Dictionary<int, string> applied)
    {
        foreach (var script in SchemaScript.All)
        {
            if (applied.TryGetValue(script.Version, out var checksum) && checksum != script.Checksum)
            {
                LogEditedStep(logger, script.Version, script.Name);
            }
        }
        var newest = applied.Keys.DefaultIfEmpty(0).Max();
        if (newest > SchemaScript.LatestVersion)
        {
            LogNewerSchema(logger, newest, SchemaScript.LatestVersion);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying schema step {Version}: {Script}")]
    static partial void LogApplying(ILogger logger, int version, string script);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Schema step {Version} ({Script}) differs from the one applied to this database; applied steps are never re-run: ship a change as a new step")]
    static partial void LogEditedStep(ILogger logger, int version, string script);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database is at schema version {DatabaseVersion}, newer than this build's {BuildVersion}; nothing to do")]
    static partial void LogNewerSchema(ILogger logger, int databaseVersion, int buildVersion);
}
