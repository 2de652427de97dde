using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Domain;

/// <summary>
/// The variables store grows with the values sent, never with recipients × names: the shape that took 560 MB
/// (8,000 recipients, each its own name) and two million recipients with three names both stay a few arrays.
/// </summary>
public class VariableTableTests
{
    [Fact]
    public void Eight_thousand_recipients_each_with_its_own_name_cost_what_they_sent()
    {
        const int Recipients = 8_000;
        var builder = new VariableTableBuilder();
        for (var i = 0; i < Recipients; i++)
        {
            builder.Add(builder.NameIndex($"v{i}"), "x");
            builder.EndRow(i);
        }

        var table = builder.Build();

        Assert.Equal(Recipients, table.Names.Length);
        Assert.Equal(Recipients, table.CellNames.Length);
        Assert.Equal(Recipients, table.Text.Length);
        // The old row-per-recipient table was 8,000 × 8,000 references: 512 MB. This one is some bytes a recipient.
        Assert.True(SizeOf(table) < Recipients * 24, $"{SizeOf(table)} bytes");
        Assert.Equal("x", table.ValueAt(table.CellOf(table.RowOf(4_321), 4_321)).ToString());
        Assert.Equal(-1, table.CellOf(table.RowOf(4_321), 4_322));
    }

    [Fact]
    public void Two_million_recipients_with_three_names_are_a_handful_of_arrays_and_one_string()
    {
        const int Recipients = 2_000_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var builder = new VariableTableBuilder();
        var (first, code, city) = (builder.NameIndex("first_name"), builder.NameIndex("code"), builder.NameIndex("city"));
        for (var i = 0; i < Recipients; i++)
        {
            builder.Add(first, "Ann");
            builder.Add(code, "4711");
            builder.Add(city, "Oslo");
            builder.EndRow(i);
        }
        var table = builder.Build();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Recipients, table.RowCount);
        // 4 + 4 (row) + 3 × (2 + 4) (cells) + 11 chars × 2 = 48 bytes a recipient, no object per recipient.
        Assert.True(SizeOf(table) <= 50L * Recipients, $"{SizeOf(table)} bytes");
        // Building (growing lists, the final copies) costs a few times that, not a row array and a string per value.
        Assert.True(allocated < 400L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
        Assert.Equal<IEnumerable<string?>>(["Ann", "4711", "Oslo"], table.ValuesOf(table.RowOf(1_234_567)));
    }

    [Fact]
    public void A_name_given_twice_keeps_its_last_value_and_an_empty_row_is_no_row()
    {
        var builder = new VariableTableBuilder();
        var a = builder.NameIndex("a");
        builder.Add(a, "first");
        builder.Add(a, "last");
        builder.EndRow(3);
        builder.EndRow(5);

        var table = builder.Build();

        Assert.Equal([3], table.Recipients);
        Assert.Equal("last", table.ValueAt(table.CellOf(0, a)).ToString());
        Assert.Equal(-1, table.RowOf(5));
    }

    [Fact]
    public void A_slice_keeps_its_range_re_indexed_from_zero()
    {
        var table = VariableTable.FromRows(["a", "b"], [1, 4, 5, 9], [["1", null], [null, "4"], ["5", "5b"], ["9", null]]);

        var slice = VariableTableCuts.Slice(table, 4, 9);

        Assert.Equal(["a", "b"], slice.Names);
        Assert.Equal([0, 1], slice.Recipients);
        Assert.Equal<IEnumerable<string?>>([null, "4"], slice.ValuesOf(0));
        Assert.Equal<IEnumerable<string?>>(["5", "5b"], slice.ValuesOf(1));
        Assert.Equal(0, VariableTableCuts.Slice(table, 6, 9).RowCount);
    }

    [Fact]
    public void Remap_drops_rows_of_removed_entries_and_moves_the_rest()
    {
        var table = VariableTable.FromRows(["a"], [0, 1, 3], [["zero"], ["one"], ["three"]]);

        var remapped = VariableTableCuts.Remap(table, [0, -1, 1, 2]);

        Assert.Equal([0, 2], remapped.Recipients);
        Assert.Equal<IEnumerable<string?>>(["three"], remapped.ValuesOf(1));
    }

    [Fact]
    public void Concat_maps_every_table_onto_the_union_of_names()
    {
        var left = VariableTable.FromRows(["a", "b"], [1], [["a1", "b1"]]);
        var right = VariableTable.FromRows(["b", "c"], [0], [["b2", "c2"]]);

        var joined = VariableTableCuts.Concat([left, right], [0, 3]);

        Assert.Equal(["a", "b", "c"], joined.Names);
        Assert.Equal([1, 3], joined.Recipients);
        Assert.Equal<IEnumerable<string?>>(["a1", "b1", null], joined.ValuesOf(0));
        Assert.Equal<IEnumerable<string?>>([null, "b2", "c2"], joined.ValuesOf(1));
    }

    /// <summary>The bytes the table's arrays and text hold (names aside).</summary>
    static long SizeOf(VariableTable table) =>
        (4L * table.Recipients.Length) + (4L * table.RowEnds.Length) + (2L * table.CellNames.Length)
        + (4L * table.CellEnds.Length) + (2L * table.Text.Length);
}
