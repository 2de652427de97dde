using Npgsql;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// <c>broadcast_schema_version</c>: one row per schema step applied, with the script's name and checksum. The schema's
/// version is the highest row.
/// </summary>
public static class SchemaVersionTable
{
    /// <summary>The table's name (in the connection's default schema, like the Orleans tables).</summary>
    public const string Name = "broadcast_schema_version";

    internal const string Create = $"""
        CREATE TABLE {Name}
        (
            version    integer     NOT NULL PRIMARY KEY,
            script     text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>The database's schema version, or null when it has none (never migrated).</summary>
    public static async Task<int?> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null)
    {
        if (!await ExistsAsync(connection, transaction, cancellationToken))
        {
            return null;
        }
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Name}", connection, transaction);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT to_regclass('{Name}') IS NOT NULL", connection, transaction);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand($"SELECT version, checksum FROM {Name}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }
        return applied;
    }

    internal static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaScript script,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {Name} (version, script, checksum) VALUES ($1, $2, $3)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
