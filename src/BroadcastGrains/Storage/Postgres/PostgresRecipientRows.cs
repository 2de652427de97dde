using BroadcastGrains.Partitions;
using BroadcastGrains.Partitions.Rows;
using Npgsql;
using NpgsqlTypes;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// Recipients in <c>broadcast_recipients</c> (schema step 6): written with binary COPY in one transaction with the
/// delete of what a re-prepare replaces, read back with one keyset query on the primary key.
/// </summary>
public sealed class PostgresRecipientRows(NpgsqlDataSource dataSource) : IRecipientRowStore
{
    const string Copy = "COPY broadcast_recipients (partition_key, idx, number, text_value, variables) FROM STDIN (FORMAT BINARY)";
    const string Delete = "DELETE FROM broadcast_recipients WHERE partition_key = $1";
    const string Read = "SELECT idx, number, text_value, variables FROM broadcast_recipients WHERE partition_key = $1 ORDER BY idx";

    /// <inheritdoc />
    public bool IsExternal => true;

    /// <inheritdoc />
    public async Task WriteAsync(string partitionKey, PartitionSlice slice, CancellationToken cancellationToken = default)
    {
        var texts = new Dictionary<int, string>(slice.InvalidIndexes.Length);
        for (var k = 0; k < slice.InvalidIndexes.Length; k++)
        {
            texts[slice.InvalidIndexes[k]] = slice.InvalidTexts[k];
        }
        var variables = VariableRows.Of(slice);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand(Delete, connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(Copy, cancellationToken))
        {
            for (var i = 0; i < slice.Numbers.Length; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(partitionKey, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(slice.Numbers[i], NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync(writer, texts.GetValueOrDefault(i), NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, variables.For(i) is { } row ? row.ToArray() : null,
                    NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<PartitionSlice> ReadAsync(string partitionKey, PartitionSlice header, int count, CancellationToken cancellationToken = default)
    {
        var numbers = new long[count];
        List<int> invalidIndexes = [], variableIndexes = [];
        List<string> invalidTexts = [];
        List<string?[]> variableRows = [];
        await using var command = dataSource.CreateCommand(Read);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = reader.GetInt32(0);
            numbers[index] = reader.GetInt64(1);
            if (!reader.IsDBNull(2))
            {
                invalidIndexes.Add(index);
                invalidTexts.Add(reader.GetString(2));
            }
            if (!reader.IsDBNull(3))
            {
                variableIndexes.Add(index);
                variableRows.Add(reader.GetFieldValue<string?[]>(3));
            }
            read++;
        }
        if (read != count)
        {
            // A partition must never send with recipients missing: refuse to activate rather than lose some.
            throw new InvalidOperationException($"Partition {partitionKey} has {read} stored recipients, expected {count}.");
        }
        return header with
        {
            Numbers = numbers,
            InvalidIndexes = [.. invalidIndexes],
            InvalidTexts = [.. invalidTexts],
            VariableRowIndexes = [.. variableIndexes],
            VariableRows = [.. variableRows],
        };
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Delete);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
