using System.Text;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Appends rows to a <see cref="VariableTable"/> as they are read: cells of the current row with <see cref="Add"/>,
/// then <see cref="EndRow"/> with the recipient's index (ascending). Memory grows with the values added only.
/// </summary>
public sealed class VariableTableBuilder
{
    readonly List<string> names = [];
    readonly Dictionary<string, int> nameIndexes = new(StringComparer.Ordinal);
    readonly List<int> recipients = [];
    readonly List<int> rowEnds = [];
    readonly List<ushort> cellNames = [];
    readonly List<int> cellEnds = [];
    readonly StringBuilder text = new();

    /// <summary>Distinct names so far.</summary>
    public int NameCount => names.Count;

    /// <summary>Cells added to the row not yet ended.</summary>
    public int OpenCells => cellNames.Count - (rowEnds.Count == 0 ? 0 : rowEnds[^1]);

    /// <summary>The index of <paramref name="name"/>, added when new.</summary>
    public int NameIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!nameIndexes.TryGetValue(name, out var index))
        {
            if (names.Count > ushort.MaxValue)
            {
                throw new InvalidOperationException($"A variable table holds at most {ushort.MaxValue + 1} names.");
            }
            index = names.Count;
            names.Add(name);
            nameIndexes.Add(name, index);
        }
        return index;
    }

    /// <summary>The index of a name already known, or -1, without making a string.</summary>
    public int KnownNameIndex(ReadOnlySpan<char> name) =>
        nameIndexes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var index) ? index : -1;

    /// <summary>Adds a value of name <paramref name="name"/> (from <see cref="NameIndex"/>) to the current row.</summary>
    public void Add(int name, ReadOnlySpan<char> value)
    {
        text.Append(value);
        cellNames.Add((ushort)name);
        cellEnds.Add(text.Length);
    }

    /// <summary>Closes the current row as entry <paramref name="recipient"/>'s; a row without cells is no row.</summary>
    public void EndRow(int recipient)
    {
        if (OpenCells == 0)
        {
            return;
        }
        recipients.Add(recipient);
        rowEnds.Add(cellNames.Count);
    }

    /// <summary>The table, each array at its exact length.</summary>
    public VariableTable Build() => recipients.Count == 0 && names.Count == 0
        ? VariableTable.Empty
        : new VariableTable([.. names], [.. recipients], [.. rowEnds], [.. cellNames], [.. cellEnds], text.ToString());
}
