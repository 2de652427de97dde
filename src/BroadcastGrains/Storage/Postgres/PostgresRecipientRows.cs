using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;
using BroadcastGrains.Partitions.Rows;
using Npgsql;
using NpgsqlTypes;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// Recipients in <c>broadcast_recipients</c> (schema step 6): written with binary COPY in one transaction with the
/// delete of what a re-prepare replaces, read back with one keyset query on the primary key. Rows carry the
/// partition's bigint id from <c>broadcast_recipient_partitions</c>, not its text key.
/// </summary>
public sealed class PostgresRecipientRows(NpgsqlDataSource dataSource) : IRecipientRowStore
{
    const string Copy = "COPY broadcast_recipients (partition_id, idx, number, text_value, variables) FROM STDIN (FORMAT BINARY)";

    // The no-op update makes RETURNING answer the existing id too (a re-prepare of the same partition).
    const string IdOf = "INSERT INTO broadcast_recipient_partitions (partition_key) VALUES ($1) "
        + "ON CONFLICT (partition_key) DO UPDATE SET partition_key = EXCLUDED.partition_key RETURNING id";
    const string DeleteRows = "DELETE FROM broadcast_recipients WHERE partition_id = $1";
    const string Delete = "WITH gone AS (DELETE FROM broadcast_recipient_partitions WHERE partition_key = $1 RETURNING id) "
        + "DELETE FROM broadcast_recipients WHERE partition_id IN (SELECT id FROM gone)";
    const string Read = "SELECT r.idx, r.number, r.text_value, r.variables FROM broadcast_recipients r "
        + "JOIN broadcast_recipient_partitions p ON p.id = r.partition_id WHERE p.partition_key = $1 ORDER BY r.idx";

    /// <summary>
    /// COPYs at once from this silo. A 2,000,000-recipient create prepares 100 partitions together; measured on 2
    /// cores, 100 concurrent COPYs took 6.4 s where two at a time took 4.4 s (they contend for the same index pages and
    /// cores), so the rest wait their turn.
    /// </summary>
    readonly SemaphoreSlim _copies = new(Math.Max(2, Environment.ProcessorCount));

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

        await _copies.WaitAsync(cancellationToken);
        try
        {
            await CopyAsync(partitionKey, slice, texts, variables, cancellationToken);
        }
        finally
        {
            _copies.Release();
        }
    }

    async Task CopyAsync(string partitionKey, PartitionSlice slice, Dictionary<int, string> texts, VariableRows variables,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long partitionId;
        await using (var id = new NpgsqlCommand(IdOf, connection, transaction))
        {
            id.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
            partitionId = (long)(await id.ExecuteScalarAsync(cancellationToken))!;
        }
        await using (var delete = new NpgsqlCommand(DeleteRows, connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = partitionId });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(Copy, cancellationToken))
        {
            for (var i = 0; i < slice.Numbers.Length; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(partitionId, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(slice.Numbers[i], NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync(writer, texts.GetValueOrDefault(i), NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, variables.For(i),
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
        List<IReadOnlyList<string?>> variableRows = [];
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
            Variables = VariableTable.FromRows(header.Variables?.Names ?? [], variableIndexes, variableRows),
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
