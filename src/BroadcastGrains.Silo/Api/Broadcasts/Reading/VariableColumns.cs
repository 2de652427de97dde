using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Builds the <see cref="VariableTable"/> of <see cref="RecipientInput"/> as the JSON is read: each value appended
/// once, where it was sent, so memory follows the request's own size. The limits of <see cref="RequestLimits"/> are
/// checked before a name or value is kept: the 51st distinct name stops the read.
/// </summary>
/// <remarks>
/// Values are strings; numbers and booleans are accepted as their JSON text (<c>42</c> → "42", <c>true</c> → "true")
/// because spreadsheets and CRMs export such columns untyped and the message text needs them as text anyway.
/// <c>null</c> means absent. Objects and arrays are refused. A name given twice in one object keeps the last value.
/// </remarks>
internal sealed class VariableColumns
{
    // A char takes at most six raw bytes (a \uXXXX escape), so a token longer than this is over the limit and is
    // refused unread; a shorter one decodes into a fixed buffer and its chars are counted.
    const int MaxValueBytes = RequestLimits.MaxVariableValueLength * 6;
    const int MaxNameBytes = RequestLimits.MaxVariableNameLength * 6;

    readonly VariableTableBuilder _table = new();
    readonly char[] _value = new char[MaxValueBytes];

    /// <summary>
    /// Reads the object at the reader's <c>StartObject</c> as the row of <paramref name="recipient"/>;
    /// <paramref name="scratch"/> lets names already known be matched without allocating a string.
    /// </summary>
    public BroadcastError? ReadRow(ref Utf8JsonReader reader, int recipient, scoped Span<char> scratch)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (RawLength(ref reader) > Math.Min(MaxNameBytes, scratch.Length))
            {
                return NameTooLong(recipient);
            }
            ReadOnlySpan<char> name = scratch[..reader.CopyString(scratch)];
            if (name.Length > RequestLimits.MaxVariableNameLength)
            {
                return NameTooLong(recipient);
            }

            reader.Read();
            ReadOnlySpan<char> value;
            switch (reader.TokenType)
            {
                case JsonTokenType.String or JsonTokenType.Number:
                    if (RawLength(ref reader) > MaxValueBytes)
                    {
                        return ValueTooLong(recipient, name);
                    }
                    // Numbers are never escaped, so CopyString gives their raw text.
                    value = _value.AsSpan(0, reader.TokenType == JsonTokenType.String
                        ? reader.CopyString(_value)
                        : System.Text.Encoding.UTF8.GetChars(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan, _value));
                    if (value.Length > RequestLimits.MaxVariableValueLength)
                    {
                        return ValueTooLong(recipient, name);
                    }
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

            var column = _table.KnownNameIndex(name);
            if (column < 0)
            {
                if (_table.NameCount == RequestLimits.MaxVariableNames)
                {
                    return RequestErrors.TooManyVariables();
                }
                column = _table.NameIndex(name.ToString());
            }
            if (_table.OpenCells == RequestLimits.MaxVariableNames)
            {
                // Only a name repeated within one object gets here: it would grow the row without a new name.
                return RequestErrors.TooManyVariables();
            }
            _table.Add(column, value);
        }
        _table.EndRow(recipient);
        return null;
    }

    /// <summary>The table of every row read.</summary>
    public VariableTable ToTable() => _table.Build();

    static long RawLength(ref Utf8JsonReader reader) => reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

    static BroadcastError NameTooLong(int recipient) => RequestErrors.Validation($"recipients[{recipient}].variables",
        $"A variable name of recipient {recipient} is longer than {RequestLimits.MaxVariableNameLength} characters.");

    static BroadcastError ValueTooLong(int recipient, ReadOnlySpan<char> name) => RequestErrors.Validation(
        $"recipients[{recipient}].variables.{name}",
        $"Variable '{name}' of recipient {recipient} is longer than {RequestLimits.MaxVariableValueLength} characters.");
}
