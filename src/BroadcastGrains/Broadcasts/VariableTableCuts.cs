namespace BroadcastGrains.Broadcasts;

/// <summary>Cuts, re-indexes and joins <see cref="VariableTable"/>s without widening a row to every name.</summary>
internal static class VariableTableCuts
{
    /// <summary>The rows of entries <c>[start, end)</c>, re-indexed from 0; names are shared.</summary>
    public static VariableTable Slice(VariableTable table, int start, int end)
    {
        var first = LowerBound(table.Recipients, start);
        var last = LowerBound(table.Recipients, end);
        if (first == last)
        {
            return table.Names.Length == 0 ? VariableTable.Empty : table with { Recipients = [], RowEnds = [], CellNames = [], CellEnds = [], Text = "" };
        }
        var firstCell = table.FirstCellOf(first);
        var endCell = table.RowEnds[last - 1];
        var textStart = firstCell == 0 ? 0 : table.CellEnds[firstCell - 1];
        var textEnd = table.CellEnds[endCell - 1];
        var recipients = new int[last - first];
        var rowEnds = new int[last - first];
        for (var r = first; r < last; r++)
        {
            recipients[r - first] = table.Recipients[r] - start;
            rowEnds[r - first] = table.RowEnds[r] - firstCell;
        }
        var cellEnds = new int[endCell - firstCell];
        for (var c = firstCell; c < endCell; c++)
        {
            cellEnds[c - firstCell] = table.CellEnds[c] - textStart;
        }
        return new VariableTable(table.Names, recipients, rowEnds, table.CellNames[firstCell..endCell], cellEnds,
            table.Text.Substring(textStart, textEnd - textStart));
    }

    /// <summary>
    /// Moves entry i's row to <paramref name="newIndex"/>[i] (ascending where kept) and drops rows of entries mapped
    /// to -1, as de-duplication does.
    /// </summary>
    public static VariableTable Remap(VariableTable table, int[] newIndex)
    {
        var builder = new VariableTableBuilder();
        foreach (var name in table.Names)
        {
            builder.NameIndex(name);
        }
        for (var r = 0; r < table.RowCount; r++)
        {
            var index = table.Recipients[r];
            if ((uint)index < (uint)newIndex.Length && newIndex[index] >= 0)
            {
                CopyRow(table, r, builder, null);
                builder.EndRow(newIndex[index]);
            }
        }
        return builder.Build();
    }

    /// <summary>Joins tables whose entries start at <paramref name="offsets"/> (ascending), names mapped onto their union.</summary>
    public static VariableTable Concat(IReadOnlyList<VariableTable> tables, IReadOnlyList<int> offsets)
    {
        if (tables.Count == 1 && offsets[0] == 0)
        {
            return tables[0];
        }
        var builder = new VariableTableBuilder();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var map = table.Names.Select(builder.NameIndex).ToArray();
            for (var r = 0; r < table.RowCount; r++)
            {
                CopyRow(table, r, builder, map);
                builder.EndRow(table.Recipients[r] + offsets[t]);
            }
        }
        return builder.Build();
    }

    static void CopyRow(VariableTable table, int row, VariableTableBuilder builder, int[]? map)
    {
        for (var cell = table.FirstCellOf(row); cell < table.RowEnds[row]; cell++)
        {
            builder.Add(map is null ? table.CellNames[cell] : map[table.CellNames[cell]], table.ValueAt(cell));
        }
    }

    static int LowerBound(int[] sorted, int value)
    {
        var at = Array.BinarySearch(sorted, value);
        return at >= 0 ? at : ~at;
    }
}
