using System.Diagnostics;
using Npgsql;
using BroadcastGrains.Bench.Results;
using NpgsqlTypes;

namespace BroadcastGrains.Bench.Postgres;

/// <summary>
/// The PostgreSQL floor, on the same private server as the silo: binary COPY of one row per recipient (partition, index,
/// bigint number, smallint status and segments, error, time) into a logged table with a primary key, then every row's
/// status updated once in batches through <c>UPDATE … FROM unnest()</c>, then keyset pages of 1000 rows at random cursors.
/// One connection throughout.
/// </summary>
internal static class PostgresBaseline
{
    const int PartitionSize = 20_000;
    const int UpdateBatch = 10_000;
    const short Queued = 1;
    const short Delivered = 4;

    public static async Task<PostgresBaselineFigures> MeasureAsync(string connectionString, long[] numbers, int pages)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            DROP TABLE IF EXISTS bench_recipients;
            CREATE TABLE bench_recipients (
                partition_id int NOT NULL, idx int NOT NULL, number bigint NOT NULL, status smallint NOT NULL,
                segments smallint NOT NULL, error text NULL, updated_at timestamptz NOT NULL,
                PRIMARY KEY (partition_id, idx));
            """);

        var now = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY bench_recipients (partition_id, idx, number, status, segments, error, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < numbers.Length; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(i / PartitionSize, NpgsqlDbType.Integer);
                await writer.WriteAsync(i % PartitionSize, NpgsqlDbType.Integer);
                await writer.WriteAsync(numbers[i], NpgsqlDbType.Bigint);
                await writer.WriteAsync(Queued, NpgsqlDbType.Smallint);
                await writer.WriteAsync((short)1, NpgsqlDbType.Smallint);
                await writer.WriteNullAsync();
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        var copy = clock.Elapsed;

        clock.Restart();
        for (var start = 0; start < numbers.Length; start += UpdateBatch)
        {
            var count = Math.Min(UpdateBatch, numbers.Length - start);
            var partitionIds = new int[count];
            var indexes = new int[count];
            var statuses = new short[count];
            for (var i = 0; i < count; i++)
            {
                partitionIds[i] = (start + i) / PartitionSize;
                indexes[i] = (start + i) % PartitionSize;
                statuses[i] = Delivered;
            }
            await using var update = new NpgsqlCommand("""
                UPDATE bench_recipients r SET status = u.status, updated_at = now()
                FROM unnest(@p, @i, @s) AS u(partition_id, idx, status)
                WHERE r.partition_id = u.partition_id AND r.idx = u.idx
                """, connection);
            update.Parameters.AddWithValue("p", partitionIds);
            update.Parameters.AddWithValue("i", indexes);
            update.Parameters.AddWithValue("s", statuses);
            await update.ExecuteNonQueryAsync();
        }
        var updates = clock.Elapsed;

        var latencies = new List<double>(pages);
        var random = new Random(8);
        for (var k = 0; k < pages; k++)
        {
            var at = random.Next(numbers.Length);
            await using var page = new NpgsqlCommand("""
                SELECT partition_id, idx, number, status, segments, error, updated_at FROM bench_recipients
                WHERE (partition_id, idx) >= (@p, @i) ORDER BY partition_id, idx LIMIT 1000
                """, connection);
            page.Parameters.AddWithValue("p", at / PartitionSize);
            page.Parameters.AddWithValue("i", at % PartitionSize);
            clock.Restart();
            await using (var reader = await page.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    _ = reader.GetInt64(2);
                }
            }
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        return new PostgresBaselineFigures(copy, updates, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99));
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
