using BroadcastGrains.Partitions.Journal;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Storage.Postgres;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Journal;

/// <summary>
/// The partitions' journal table: what a resuming partition reads back is exactly what was appended, and the row of a
/// sequence number belongs to the activation that wrote it first (issue 17 item 1).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionJournalTests(PostgresFixture postgres)
{
    static readonly Guid Writer = Guid.NewGuid();

    static JournalEntry Entry(long seq, int[] indexes, byte status, string?[]? carrierIds = null, decimal inflight = 0) => new(
        seq, indexes, [.. indexes.Select(_ => status)], [.. indexes.Select(_ => (byte)0)], [.. indexes.Select(i => i * 2)],
        carrierIds, new PartitionMoney(1.5m, 0.25m, inflight, seq, 0.0075m, 0, 0, 3), Cursor: indexes.Max() + 1, Version: seq * 10);

    [Fact]
    public async Task Entries_read_back_after_a_sequence_number_in_order_with_every_column()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync("journal_read"));
        var journal = new PostgresPartitionJournal(dataSource);

        await journal.AppendAsync("bc_1/1/0", Entry(1, [0, 1, 2], status: 1), Writer);
        await journal.AppendAsync("bc_1/1/0", Entry(2, [1, 2], status: 2, carrierIds: ["smsc-1", null], inflight: 0.02m), Writer);
        await journal.AppendAsync("bc_1/1/1", Entry(1, [7], status: 3) with { Routes = ["ug"], Connectors = [null] }, Writer);

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
        Assert.Null(entry.Routes);
        var routed = Assert.Single(await journal.ReadAfterAsync("bc_1/1/1", 0));
        Assert.Equal(new[] { "ug" }, routed.Routes!.AsEnumerable());
        Assert.Equal(new string?[] { null }, routed.Connectors!.AsEnumerable());
    }

    [Fact]
    public async Task An_entry_written_again_under_its_sequence_number_replaces_the_first_and_trim_forgets_what_a_snapshot_holds()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync("journal_trim"));
        var journal = new PostgresPartitionJournal(dataSource);

        await journal.AppendAsync("bc_2/1/0", Entry(1, [0], status: 1), Writer);
        // A retry after an answer was lost: same sequence number, more changes.
        await journal.AppendAsync("bc_2/1/0", Entry(1, [0, 5], status: 2), Writer);
        await journal.AppendAsync("bc_2/1/0", Entry(2, [9], status: 4), Writer);
        var replaced = await journal.ReadAfterAsync("bc_2/1/0", 0);
        Assert.Equal([0, 5], replaced[0].Indexes);

        await journal.TrimAsync("bc_2/1/0", 1);

        Assert.Equal([2L], (await journal.ReadAfterAsync("bc_2/1/0", 0)).Select(e => e.Seq));
    }

    [Fact]
    public async Task Two_activations_racing_for_the_same_batch_row_exactly_one_wins_and_the_loser_changes_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync("journal_race"));
        var journal = new PostgresPartitionJournal(dataSource);
        var (old, resumed) = (Guid.NewGuid(), Guid.NewGuid());
        const int Rounds = 40;

        // Each round, both activations write their intent for the next batch under the same sequence number at once:
        // the old one (still pumping while its silo shuts down) queues recipients 0-9, the resumed one 100-109.
        var losses = new List<Guid>();
        for (var seq = 1; seq <= Rounds; seq++)
        {
            var partition = $"bc_race/1/{seq}";
            var racers = new[] { (Writer: old, First: 0), (Writer: resumed, First: 100) }.Select(async r =>
            {
                await Task.Yield();
                try
                {
                    await journal.AppendAsync(partition, Entry(1, [.. Enumerable.Range(r.First, 10)], status: 1), r.Writer);
                    return (r.Writer, Won: true);
                }
                catch (JournalConflictException)
                {
                    return (r.Writer, Won: false);
                }
            });
            var outcomes = await Task.WhenAll(racers);
            var winner = Assert.Single(outcomes, o => o.Won).Writer;
            losses.Add(Assert.Single(outcomes, o => !o.Won).Writer);

            // The row is the winner's whole; the loser's retry of its own write is refused again; the winner's retry replaces.
            var stored = Assert.Single(await journal.ReadAfterAsync(partition, 0));
            Assert.Equal(winner == old ? 0 : 100, stored.Indexes[0]);
            var loser = winner == old ? resumed : old;
            await Assert.ThrowsAsync<JournalConflictException>(() => journal.AppendAsync(partition, Entry(1, [500], status: 2), loser));
            await journal.AppendAsync(partition, Entry(1, [.. stored.Indexes, 7], status: 2), winner);
            Assert.Equal(2, Assert.Single(await journal.ReadAfterAsync(partition, 0)).Statuses[0]);
        }
        Assert.Equal(Rounds, losses.Count);
    }
}
