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
    /// <summary>An entry's columns after its key, in the order every statement below writes and reads them.</summary>
    static readonly string[] EntryColumns =
        ["indexes", "statuses", "errors", "updated_at", "carrier_ids", "money", "capture_sequence", "refund_sequence", "cursor_index", "version",
            "routes", "connectors"];

    // An entry whose write was answered with an error may still have been stored; the retry carries the same sequence
    // number, the same writer and a superset of its changes, so it replaces the row. A row of another writer (a second
    // activation while a silo shuts down) is left as it is: no row is touched, and the append is refused.
    static readonly string Append = $"""
        INSERT INTO broadcast_partition_journal (partition_key, seq, {string.Join(", ", EntryColumns)}, writer)
        VALUES ({string.Join(", ", Enumerable.Range(1, EntryColumns.Length + 3).Select(n => $"${n}"))})
        ON CONFLICT (partition_key, seq) DO UPDATE SET
            {string.Join(", ", EntryColumns.Select(c => $"{c} = EXCLUDED.{c}"))}, written_at = now()
        WHERE broadcast_partition_journal.writer = EXCLUDED.writer
        """;

    static readonly string Read = $"""
        SELECT seq, {string.Join(", ", EntryColumns)}
        FROM broadcast_partition_journal WHERE partition_key = $1 AND seq > $2 ORDER BY seq
        """;

    const string Trim = "DELETE FROM broadcast_partition_journal WHERE partition_key = $1 AND seq <= $2";

    /// <inheritdoc />
    public bool IsDurable => true;

    /// <inheritdoc />
    public async Task AppendAsync(string partitionKey, JournalEntry entry, Guid writer, CancellationToken cancellationToken = default)
    {
        var money = entry.Money;
        await using var command = dataSource.CreateCommand(Append);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Seq });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = entry.Indexes });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = entry.Statuses });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = entry.Errors });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = entry.UpdatedAt });
        command.Parameters.Add(Texts(entry.CarrierIds));
        command.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = Amounts(money) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = money.CaptureSequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = money.RefundSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.Cursor });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Version });
        command.Parameters.Add(Texts(entry.Routes));
        command.Parameters.Add(Texts(entry.Connectors));
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = writer });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new JournalConflictException(partitionKey, entry.Seq);
        }
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
            entries.Add(new JournalEntry(
                Seq: reader.GetInt64(0),
                Indexes: reader.GetFieldValue<int[]>(1),
                Statuses: reader.GetFieldValue<byte[]>(2),
                Errors: reader.GetFieldValue<byte[]>(3),
                UpdatedAt: reader.GetFieldValue<int[]>(4),
                CarrierIds: TextsAt(reader, 5),
                Money: MoneyOf(reader.GetFieldValue<decimal[]>(6), captureSequence: reader.GetInt64(7), refundSequence: reader.GetInt64(8)),
                Cursor: reader.GetInt32(9),
                Version: reader.GetInt64(10),
                Routes: TextsAt(reader, 11),
                Connectors: TextsAt(reader, 12)));
        }
        return entries;
    }

    /// <summary>A nullable <c>text[]</c> parameter: absent columns are stored as NULL, not as an array of nulls.</summary>
    static NpgsqlParameter Texts(string?[]? values) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        Value = (object?)values ?? DBNull.Value,
    };

    static string?[]? TextsAt(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<string?[]>(ordinal);

    /// <summary>The <c>money</c> column: the amounts of <see cref="PartitionMoney"/> in one array, in this order.</summary>
    static decimal[] Amounts(PartitionMoney money) =>
        [money.Captured, money.Uncaptured, money.InflightCapture, money.Refunded, money.Unrefunded, money.InflightRefund];

    /// <summary>The inverse of <see cref="Amounts"/>, with the two sequence numbers stored in columns of their own.</summary>
    static PartitionMoney MoneyOf(decimal[] amounts, long captureSequence, long refundSequence) =>
        new(amounts[0], amounts[1], amounts[2], captureSequence, amounts[3], amounts[4], amounts[5], refundSequence);

    /// <inheritdoc />
    public async Task TrimAsync(string partitionKey, long throughSeq, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Trim);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partitionKey });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = throughSeq });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
