using BroadcastGrains.Partitions.Journal;
using Npgsql;
using NpgsqlTypes;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// The partition journal in <c>broadcast_partition_journal</c> (schema step 5): one row per entry, the changed
/// recipients as parallel arrays so a batch of 500 is one small row, not 500.
/// </summary>
public sealed class PostgresPartitionJournal(NpgsqlDataSource dataSource) : IPartitionJournal
{
    // An entry whose write was answered with an error may still have been stored; the retry carries the same sequence
    // number and a superset of its changes, so it replaces the row.
    const string Append = """
        INSERT INTO broadcast_partition_journal
            (partition_key, seq, indexes, statuses, errors, updated_at, carrier_ids, money, capture_sequence, refund_sequence, cursor_index, version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (partition_key, seq) DO UPDATE SET
            indexes = EXCLUDED.indexes, statuses = EXCLUDED.statuses, errors = EXCLUDED.errors,
            updated_at = EXCLUDED.updated_at, carrier_ids = EXCLUDED.carrier_ids, money = EXCLUDED.money,
            capture_sequence = EXCLUDED.capture_sequence, refund_sequence = EXCLUDED.refund_sequence,
            cursor_index = EXCLUDED.cursor_index, version = EXCLUDED.version, written_at = now()
        """;

    const string Read = """
        SELECT seq, indexes, statuses, errors, updated_at, carrier_ids, money, capture_sequence, refund_sequence, cursor_index, version
        FROM broadcast_partition_journal WHERE partition_key = $1 AND seq > $2 ORDER BY seq
        """;

    const string Trim = "DELETE FROM broadcast_partition_journal WHERE partition_key = $1 AND seq <= $2";

    /// <inheritdoc />
    public bool IsDurable => true;

    /// <inheritdoc />
    public async Task AppendAsync(string partitionKey, JournalEntry entry, CancellationToken cancellationToken = default)
    {
        var money = entry.Money;
        await using var command = dataSource.CreateCommand(Append);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Seq });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = entry.Indexes });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = entry.Statuses });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = entry.Errors });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = entry.UpdatedAt });
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
            Value = (object?)entry.CarrierIds ?? DBNull.Value,
        });
        command.Parameters.Add(new NpgsqlParameter<decimal[]>
        {
            TypedValue = [money.Captured, money.Uncaptured, money.InflightCapture, money.Refunded, money.Unrefunded, money.InflightRefund],
        });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = money.CaptureSequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = money.RefundSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.Cursor });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Version });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string partitionKey, long afterSeq, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Read);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSeq });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var money = reader.GetFieldValue<decimal[]>(6);
            entries.Add(new JournalEntry(
                Seq: reader.GetInt64(0),
                Indexes: reader.GetFieldValue<int[]>(1),
                Statuses: reader.GetFieldValue<byte[]>(2),
                Errors: reader.GetFieldValue<byte[]>(3),
                UpdatedAt: reader.GetFieldValue<int[]>(4),
                CarrierIds: reader.IsDBNull(5) ? null : reader.GetFieldValue<string?[]>(5),
                Money: new PartitionMoney(money[0], money[1], money[2], reader.GetInt64(7), money[3], money[4], money[5], reader.GetInt64(8)),
                Cursor: reader.GetInt32(9),
                Version: reader.GetInt64(10)));
        }
        return entries;
    }

    /// <inheritdoc />
    public async Task TrimAsync(string partitionKey, long throughSeq, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Trim);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = throughSeq });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
