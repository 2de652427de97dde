using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Messages;

/// <summary>
/// A template bound to a slice's <see cref="VariableTable"/> and the request's own values: measures or renders one
/// recipient's message straight from the table's text, without a string per value. A placeholder takes the
/// recipient's value, else the request's, else its fallback; only with none of them is the variable missing. Names
/// are matched once, at binding. Not thread-safe.
/// </summary>
internal sealed class VariableRenderer
{
    // Where a variable's text comes from for the recipient being resolved (else a cell of the table).
    const int FromFallback = -1;
    const int FromRequest = -2;
    const int Missing = -3;

    readonly MessageTemplate _template;
    readonly VariableTable _table;
    readonly int[] _columns;
    readonly string?[] _requestValues;
    readonly int[] _cells;

    public VariableRenderer(MessageTemplate template, VariableTable table, IReadOnlyDictionary<string, string>? requestValues = null)
    {
        _template = template;
        _table = table;
        _columns = [.. template.VariableNames.Select(n => Array.IndexOf(table.Names, n))];
        _requestValues = [.. template.VariableNames.Select(n => requestValues?.GetValueOrDefault(n))];
        _cells = new int[_columns.Length];
    }

    /// <summary>The rendered length of entry <paramref name="recipient"/>'s message; false with the first name it lacks.</summary>
    public bool TryMeasure(int recipient, out int length, out string? missing)
    {
        length = 0;
        if (!TryResolve(recipient, out missing))
        {
            return false;
        }
        length = _template.LiteralLength;
        foreach (var piece in _template.Pieces)
        {
            length += piece.Variable >= 0 ? TextOf(piece).Length : 0;
        }
        return true;
    }

    /// <summary>Entry <paramref name="recipient"/>'s message; false with the first name it lacks.</summary>
    public bool TryRender(int recipient, out string text, out string? missing)
    {
        if (!_template.HasVariables)
        {
            (text, missing) = (_template.Body, null);
            return true;
        }
        if (!TryMeasure(recipient, out var length, out missing))
        {
            text = string.Empty;
            return false;
        }
        text = string.Create(length, this, static (span, self) => self.CopyResolved(span));
        return true;
    }

    /// <summary>
    /// Writes entry <paramref name="recipient"/>'s message into <paramref name="destination"/> (planning counts
    /// segments from it without a string per recipient); false when a name is missing or it does not fit.
    /// </summary>
    public bool TryRenderInto(int recipient, Span<char> destination, out int written, out string? missing)
    {
        written = 0;
        if (!TryMeasure(recipient, out var length, out missing) || length > destination.Length)
        {
            return false;
        }
        CopyResolved(destination[..length]);
        written = length;
        return true;
    }

    void CopyResolved(Span<char> span)
    {
        foreach (var piece in _template.Pieces)
        {
            var text = piece.Variable >= 0 ? TextOf(piece) : _template.Body.AsSpan(piece.Start, piece.Length);
            text.CopyTo(span);
            span = span[text.Length..];
        }
    }

    ReadOnlySpan<char> TextOf(in TemplatePiece piece) => _cells[piece.Variable] switch
    {
        >= 0 and var cell => _table.ValueAt(cell),
        FromRequest => _requestValues[piece.Variable],
        _ => _template.FallbackOf(piece),
    };

    bool TryResolve(int recipient, out string? missing)
    {
        missing = null;
        if (_columns.Length == 0)
        {
            return true;
        }
        var row = _table.RowOf(recipient);
        for (var v = 0; v < _columns.Length; v++)
        {
            var cell = row < 0 || _columns[v] < 0 ? -1 : _table.CellOf(row, _columns[v]);
            _cells[v] = cell >= 0 ? cell
                : _requestValues[v] is not null ? FromRequest
                : _template.HasFallbackEverywhere(v) ? FromFallback
                : Missing;
            if (_cells[v] == Missing)
            {
                missing = _template.VariableNames[v];
                return false;
            }
        }
        return true;
    }
}
