using System.Text;
using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Builds the variables table of <see cref="RecipientInput"/>: the union of every name seen, and one row per
/// recipient that sent a <c>variables</c> object. Rows made before a new name appeared are shorter than the final
/// table; they are widened once at the end instead of on every new name.
/// </summary>
/// <remarks>
/// Values are strings; numbers and booleans are accepted as their JSON text (<c>42</c> → "42", <c>true</c> → "true")
/// because spreadsheets and CRMs export such columns untyped and the message text needs them as text anyway.
/// <c>null</c> means absent. Objects and arrays are refused. A name given twice in one object keeps the last value.
/// </remarks>
internal sealed class VariableColumns : IDisposable
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly PooledArrayBuilder<int> _rowIndexes = new();
    private readonly List<string?[]> _rows = [];

    // One row under construction, reused so a recipient's row is allocated once, at its final width.
    private string?[] _current = new string?[8];

    /// <summary>
    /// Reads the object at the reader's <c>StartObject</c> as the row of <paramref name="recipient"/>;
    /// <paramref name="scratch"/> lets names already known be matched without allocating a string.
    /// </summary>
    public BroadcastError? ReadRow(ref Utf8JsonReader reader, int recipient, scoped Span<char> scratch)
    {
        var lookup = _columns.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            var longName = rawLength > scratch.Length ? reader.GetString()! : null;
            ReadOnlySpan<char> name = longName is null ? scratch[..reader.CopyString(scratch)] : longName;

            reader.Read();
            string? value;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    value = reader.GetString();
                    break;
                case JsonTokenType.Number:
                    // Numbers are never escaped, so their raw bytes are their text.
                    value = reader.HasValueSequence
                        ? Encoding.UTF8.GetString(reader.ValueSequence)
                        : Encoding.UTF8.GetString(reader.ValueSpan);
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    value = reader.TokenType == JsonTokenType.True ? "true" : "false";
                    break;
                case JsonTokenType.Null:
                    continue;
                default:
                    return RequestErrors.Validation(
                        $"recipients[{recipient}].variables",
                        $"Variable '{name}' of recipient {recipient} must be a string.");
            }

            if (!lookup.TryGetValue(name, out var column))
            {
                column = _names.Count;
                var key = longName ?? name.ToString();
                _names.Add(key);
                _columns.Add(key, column);
            }
            if (column >= _current.Length)
            {
                Array.Resize(ref _current, Math.Max(column + 1, _current.Length * 2));
            }
            _current[column] = value;
        }

        var row = _current.AsSpan(0, _names.Count);
        _rowIndexes.Add(recipient);
        _rows.Add(row.ToArray());
        row.Clear();
        return null;
    }

    /// <summary>The table at its final width: names, the recipient of each row, and the rows.</summary>
    public (string[] Names, int[] RowIndexes, string?[][] Rows) ToColumns()
    {
        var rows = _rows.ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length < _names.Count)
            {
                Array.Resize(ref rows[i], _names.Count);
            }
        }
        return ([.. _names], _rowIndexes.ToArray(), rows);
    }

    /// <inheritdoc />
    public void Dispose() => _rowIndexes.Dispose();
}
