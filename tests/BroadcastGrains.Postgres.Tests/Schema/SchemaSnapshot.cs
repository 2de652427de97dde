using System.Text;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Schema;

/// <summary>
/// Everything a migration could change, as text: tables and columns, constraints, indexes, functions, the stored Orleans
/// queries and the schema version rows (with their applied_at). Two equal snapshots mean nothing changed.
/// </summary>
internal static class SchemaSnapshot
{
    static readonly string[] Queries =
    [
        """
        SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2
        """,
        """
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2
        """,
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2",
        """
        SELECT proname, md5(pg_get_functiondef(oid))
        FROM pg_proc WHERE pronamespace = current_schema()::regnamespace ORDER BY 1, 2
        """,
        "SELECT QueryKey, md5(QueryText) FROM OrleansQuery ORDER BY 1",
        "SELECT version, script, checksum, applied_at::text FROM broadcast_schema_version ORDER BY 1",
    ];

    public static async Task<string> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var sql in Queries)
        {
            text.AppendLine(sql);
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append(" | ");
                }
                text.AppendLine();
            }
        }
        return text.ToString();
    }

    /// <summary>One value from the database.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
