using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Messages;

/// <summary>
/// A template bound to a slice's <see cref="VariableTable"/>: measures or renders one recipient's message straight
/// from the table's text, without a string per value. Names are matched once, at binding. Not thread-safe.
/// </summary>
internal sealed class VariableRenderer
{
    readonly MessageTemplate template;
    readonly VariableTable table;
    readonly int[] columns;
    readonly int[] cells;

    public VariableRenderer(MessageTemplate template, VariableTable table)
    {
        this.template = template;
        this.table = table;
        columns = [.. template.VariableNames.Select(n => Array.IndexOf(table.Names, n))];
        cells = new int[columns.Length];
    }

    /// <summary>The rendered length of entry <paramref name="recipient"/>'s message; false with the first name it lacks.</summary>
    public bool TryMeasure(int recipient, out int length, out string? missing)
    {
        length = 0;
        if (!TryResolve(recipient, out missing))
        {
            return false;
        }
        length = template.LiteralLength;
        foreach (var (_, _, variable) in template.Pieces)
        {
            length += variable >= 0 ? table.ValueAt(cells[variable]).Length : 0;
        }
        return true;
    }

    /// <summary>Entry <paramref name="recipient"/>'s message; false with the first name it lacks.</summary>
    public bool TryRender(int recipient, out string text, out string? missing)
    {
        if (!template.HasVariables)
        {
            (text, missing) = (template.Body, null);
            return true;
        }
        if (!TryMeasure(recipient, out var length, out missing))
        {
            text = string.Empty;
            return false;
        }
        text = string.Create(length, this, static (span, self) =>
        {
            foreach (var (start, pieceLength, variable) in self.template.Pieces)
            {
                var piece = variable >= 0 ? self.table.ValueAt(self.cells[variable]) : self.template.Body.AsSpan(start, pieceLength);
                piece.CopyTo(span);
                span = span[piece.Length..];
            }
        });
        return true;
    }

    bool TryResolve(int recipient, out string? missing)
    {
        missing = null;
        if (columns.Length == 0)
        {
            return true;
        }
        var row = table.RowOf(recipient);
        for (var v = 0; v < columns.Length; v++)
        {
            cells[v] = row < 0 || columns[v] < 0 ? -1 : table.CellOf(row, columns[v]);
            if (cells[v] < 0)
            {
                missing = template.VariableNames[v];
                return false;
            }
        }
        return true;
    }
}
