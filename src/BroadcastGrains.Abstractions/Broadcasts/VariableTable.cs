namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Recipients' variables, stored as sent: one row per recipient that has any (<see cref="Recipients"/>, ascending),
/// each row a run of cells (name, value), every value back to back in one <see cref="Text"/>. Its size is the count of
/// values and their characters, never recipients × names, so a request naming a new variable per recipient costs
/// what it sent and no more; two million recipients with three values each are a handful of arrays and one string.
/// </summary>
/// <remarks>
/// Row r's cells are <c>[RowEnds[r-1], RowEnds[r])</c> (from 0 for the first row); cell c's value is
/// <c>Text[CellEnds[c-1]..CellEnds[c]]</c>. A name given twice in a row keeps its last value.
/// </remarks>
[GenerateSerializer, Immutable, Alias("variable-table")]
public sealed record VariableTable(
    [property: Id(0)] string[] Names,
    [property: Id(1)] int[] Recipients,
    [property: Id(2)] int[] RowEnds,
    [property: Id(3)] ushort[] CellNames,
    [property: Id(4)] int[] CellEnds,
    [property: Id(5)] string Text)
{
    /// <summary>No variables.</summary>
    public static VariableTable Empty { get; } = new([], [], [], [], [], "");

    /// <summary>Rows (recipients with at least one value).</summary>
    public int RowCount => Recipients.Length;

    /// <summary>The row of entry <paramref name="recipient"/>, or -1 when it has no variables.</summary>
    public int RowOf(int recipient)
    {
        var row = Array.BinarySearch(Recipients, recipient);
        return row < 0 ? -1 : row;
    }

    /// <summary>The first cell of <paramref name="row"/>; its cells end at <c>RowEnds[row]</c>.</summary>
    public int FirstCellOf(int row) => row == 0 ? 0 : RowEnds[row - 1];

    /// <summary>The value of cell <paramref name="cell"/>.</summary>
    public ReadOnlySpan<char> ValueAt(int cell)
    {
        var start = cell == 0 ? 0 : CellEnds[cell - 1];
        return Text.AsSpan(start, CellEnds[cell] - start);
    }

    /// <summary>The cell of name <paramref name="name"/> (an index into <see cref="Names"/>) in <paramref name="row"/>, or -1.</summary>
    public int CellOf(int row, int name)
    {
        for (var cell = RowEnds[row] - 1; cell >= FirstCellOf(row); cell--)
        {
            if (CellNames[cell] == name)
            {
                return cell;
            }
        }
        return -1;
    }

    /// <summary>The row's values parallel to <see cref="Names"/> (null where absent): for storage and tests, not hot paths.</summary>
    public string?[] ValuesOf(int row)
    {
        var values = new string?[Names.Length];
        for (var cell = FirstCellOf(row); cell < RowEnds[row]; cell++)
        {
            values[CellNames[cell]] = ValueAt(cell).ToString();
        }
        return values;
    }

    /// <summary>Builds a table from rows parallel to <paramref name="names"/> (null = absent), as stores and tests hold them.</summary>
    public static VariableTable FromRows(IReadOnlyList<string> names, IReadOnlyList<int> recipients, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new VariableTableBuilder();
        var columns = names.Select(builder.NameIndex).ToArray();
        for (var k = 0; k < recipients.Count; k++)
        {
            for (var n = 0; n < rows[k].Count && n < columns.Length; n++)
            {
                if (rows[k][n] is { } value)
                {
                    builder.Add(columns[n], value);
                }
            }
            builder.EndRow(recipients[k]);
        }
        return builder.Build();
    }
}
