using BroadcastGrains.Partitions.Journal;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Storage.Postgres;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Journal;

/// <summary>The partitions' journal table: what a resuming partition reads back is exactly what was appended.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionJournalTests(PostgresFixture postgres)
{
    static JournalEntry Entry(long seq, int[] indexes, byte status, string?[]? carrierIds = null, decimal inflight = 0) => new(
        seq, indexes, [.. indexes.Select(_ => status)], [.. indexes.Select(_ => (byte)0)], [.. indexes.Select(i => i * 2)],
        carrierIds, new PartitionMoney(1.5m, 0.25m, inflight, seq, 0.0075m, 0, 0, 3), Cursor: indexes.Max() + 1, Version: seq * 10);

    [Fact]
    public async Task Entries_read_back_after_a_sequence_number_in_order_with_every_column()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync("journal_read"));
        var journal = new PostgresPartitionJournal(dataSource);

        await journal.AppendAsync("bc_1/1/0", Entry(1, [0, 1, 2], status: 1));
        await journal.AppendAsync("bc_1/1/0", Entry(2, [1, 2], status: 2, carrierIds: ["smsc-1", null], inflight: 0.02m));
        await journal.AppendAsync("bc_1/1/1", Entry(1, [7], status: 3));

        var afterFirst = await journal.ReadAfterAsync("bc_1/1/0", 1);
        var entry = Assert.Single(afterFirst);
        Assert.Equal(2, entry.Seq);
        Assert.Equal([1, 2], entry.Indexes);
        Assert.Equal([2, 2], entry.Statuses);
        Assert.Equal([2, 4], entry.UpdatedAt);
        Assert.Equal(new[] { "smsc-1", null }, entry.CarrierIds!.AsEnumerable());
        Assert.Equal(new PartitionMoney(1.5m, 0.25m, 0.02m, 2, 0.0075m, 0, 0, 3), entry.Money);
        Assert.Equal((3, 20L), (entry.Cursor, entry.Version));
        Assert.Equal([1L, 2L], (await journal.ReadAfterAsync("bc_1/1/0", 0)).Select(e => e.Seq));
        Assert.Null((await journal.ReadAfterAsync("bc_1/1/0", 0))[0].CarrierIds);
    }

    [Fact]
    public async Task An_entry_written_again_under_its_sequence_number_replaces_the_first_and_trim_forgets_what_a_snapshot_holds()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync("journal_trim"));
        var journal = new PostgresPartitionJournal(dataSource);

        await journal.AppendAsync("bc_2/1/0", Entry(1, [0], status: 1));
        // A retry after an answer was lost: same sequence number, more changes.
        await journal.AppendAsync("bc_2/1/0", Entry(1, [0, 5], status: 2));
        await journal.AppendAsync("bc_2/1/0", Entry(2, [9], status: 4));
        var replaced = await journal.ReadAfterAsync("bc_2/1/0", 0);
        Assert.Equal([0, 5], replaced[0].Indexes);

        await journal.TrimAsync("bc_2/1/0", 1);

        Assert.Equal([2L], (await journal.ReadAfterAsync("bc_2/1/0", 0)).Select(e => e.Seq));
    }
}
