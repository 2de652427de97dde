using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;
using BroadcastGrains.Partitions;
using BroadcastGrains.Partitions.Rows;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Storage.Postgres;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Journal;

/// <summary>The partitions' recipient rows: what a partition reads back on activation is the slice it prepared.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecipientRowsTests(PostgresFixture postgres)
{
    static PartitionSlice Slice(int count) => new(
        "client-1", "bc_rows", new MessageSpec("MyShop", "Hi {{first_name}}", null, 2880), PriceTable.Default, RefundFailed: false,
        Numbers: [.. Enumerable.Range(0, count).Select(i => i == 3 ? 0 : 12125550000L + i)],
        InvalidIndexes: [3], InvalidTexts: ["not a number"],
        Variables: VariableTable.FromRows(["first_name", "code"], [0, 2], [["Ann", null], [null, "X1"]]));

    [Fact]
    public async Task A_slice_written_with_copy_reads_back_whole_onto_its_header()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync("rows_roundtrip"));
        var store = new PostgresRecipientRows(dataSource);
        var slice = Slice(5);

        await store.WriteAsync("bc_rows/1/0", slice);
        var read = await store.ReadAsync("bc_rows/1/0", slice.WithoutRecipients(), 5);

        Assert.Equal(slice.Numbers, read.Numbers);
        Assert.Equal([3], read.InvalidIndexes);
        Assert.Equal(["not a number"], read.InvalidTexts);
        Assert.Equal([0, 2], read.Variables.Recipients);
        Assert.Equal<IEnumerable<string?>>(["Ann", null], read.Variables.ValuesOf(0));
        Assert.Equal<IEnumerable<string?>>([null, "X1"], read.Variables.ValuesOf(1));
        Assert.Equal(slice.Message, read.Message);
    }

    [Fact]
    public async Task Writing_again_replaces_the_rows_and_a_missing_row_refuses_the_read()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync("rows_replace"));
        var store = new PostgresRecipientRows(dataSource);

        await store.WriteAsync("bc_rows/1/0", Slice(6));
        await store.WriteAsync("bc_rows/1/0", Slice(5));
        Assert.Equal(5, (await store.ReadAsync("bc_rows/1/0", Slice(5).WithoutRecipients(), 5)).Numbers.Length);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync("bc_rows/1/0", Slice(5).WithoutRecipients(), 6));
        await store.DeleteAsync("bc_rows/1/0");
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync("bc_rows/1/0", Slice(5).WithoutRecipients(), 5));
    }
}
