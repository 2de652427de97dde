using System.Text;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Appends rows to a <see cref="VariableTable"/> as they are read: cells of the current row with <see cref="Add"/>,
/// then <see cref="EndRow"/> with the recipient's index (ascending). Memory grows with the values added only.
/// </summary>
public sealed class VariableTableBuilder
{
    readonly List<string> _names = [];
    readonly Dictionary<string, int> _nameIndexes = new(StringComparer.Ordinal);
    readonly List<int> _recipients = [];
    readonly List<int> _rowEnds = [];
    readonly List<ushort> _cellNames = [];
    readonly List<int> _cellEnds = [];
    readonly StringBuilder _text = new();

    /// <summary>Distinct names so far.</summary>
    public int NameCount => _names.Count;

    /// <summary>Cells added to the row not yet ended.</summary>
    public int OpenCells => _cellNames.Count - (_rowEnds.Count == 0 ? 0 : _rowEnds[^1]);

    /// <summary>The index of <paramref name="name"/>, added when new.</summary>
    public int NameIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_nameIndexes.TryGetValue(name, out var index))
        {
            if (_names.Count > ushort.MaxValue)
            {
                throw new InvalidOperationException($"A variable table holds at most {ushort.MaxValue + 1} names.");
            }
            index = _names.Count;
            _names.Add(name);
            _nameIndexes.Add(name, index);
        }
        return index;
    }

    /// <summary>The index of a name already known, or -1, without making a string.</summary>
    public int KnownNameIndex(ReadOnlySpan<char> name) =>
        _nameIndexes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var index) ? index : -1;

    /// <summary>Adds a value of name <paramref name="name"/> (from <see cref="NameIndex"/>) to the current row.</summary>
    public void Add(int name, ReadOnlySpan<char> value)
    {
        _text.Append(value);
        _cellNames.Add((ushort)name);
        _cellEnds.Add(_text.Length);
    }

    /// <summary>Closes the current row as entry <paramref name="recipient"/>'s; a row without cells is no row.</summary>
    public void EndRow(int recipient)
    {
        if (OpenCells == 0)
        {
            return;
        }
        _recipients.Add(recipient);
        _rowEnds.Add(_cellNames.Count);
    }

    /// <summary>The table, each array at its exact length.</summary>
    public VariableTable Build() => _recipients.Count == 0 && _names.Count == 0
        ? VariableTable.Empty
        : new VariableTable([.. _names], [.. _recipients], [.. _rowEnds], [.. _cellNames], [.. _cellEnds], _text.ToString());
}
