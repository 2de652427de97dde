namespace BroadcastGrains.Cli.Recipients;

/// <summary>
/// A file of recipients: plain text (one number per line; blank lines and <c>#</c> comments skipped) or CSV with a header
/// naming the number column (<c>phone</c>, <c>to</c>, <c>number</c> or <c>msisdn</c>) and any other columns as template
/// variables. A <c>.csv</c> file, or one whose first line holds a comma, semicolon or tab, is read as CSV.
/// </summary>
internal sealed class RecipientFile
{
    static readonly string[] NumberColumns = ["phone", "to", "number", "msisdn"];

    RecipientFile(string path, char? delimiter, int numberColumn, string[] variables)
    {
        Path = path;
        Delimiter = delimiter;
        NumberColumn = numberColumn;
        Variables = variables;
    }

    public string Path { get; }

    /// <summary>The CSV delimiter, or null for a plain list.</summary>
    public char? Delimiter { get; }

    public int NumberColumn { get; }

    /// <summary>The CSV columns that are template variables, in column order (empty for a plain list).</summary>
    public string[] Variables { get; }

    public static RecipientFile Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"no file '{path}'");
        }
        var first = File.ReadLines(path).FirstOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (first is null)
        {
            throw new UsageException($"'{path}' holds no recipients");
        }
        var delimiter = first.Contains('\t', StringComparison.Ordinal) ? '\t'
            : first.Contains(';', StringComparison.Ordinal) ? ';'
            : first.Contains(',', StringComparison.Ordinal) || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ','
            : (char?)null;
        if (delimiter is not { } d)
        {
            return new RecipientFile(path, null, 0, []);
        }
        var header = CsvLine.Split(first, d).Select(h => h.Trim()).ToArray();
        var number = Array.FindIndex(header, h => NumberColumns.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (number < 0)
        {
            number = header.Length == 1 ? 0 : throw new UsageException(
                $"'{path}' is CSV, but no column of its header ({string.Join(", ", header)}) is named phone, to, number or msisdn");
        }
        return new RecipientFile(path, d, number, [.. header.Where((_, i) => i != number)]);
    }

    /// <summary>The recipients in file order: the number as written, and the variables' values (CSV only).</summary>
    public IEnumerable<(string To, string?[] Values)> Read()
    {
        var lines = File.ReadLines(Path).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (Delimiter is not { } d)
        {
            foreach (var line in lines)
            {
                yield return (line.Trim(), []);
            }
            yield break;
        }
        foreach (var line in lines.Skip(1))
        {
            var cells = CsvLine.Split(line, d);
            var values = new string?[Variables.Length];
            for (int c = 0, v = 0; c < cells.Count; c++)
            {
                if (c == NumberColumn)
                {
                    continue;
                }
                if (v < values.Length)
                {
                    values[v++] = cells[c];
                }
            }
            yield return (NumberColumn < cells.Count ? cells[NumberColumn].Trim() : "", values);
        }
    }
}
