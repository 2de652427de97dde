using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// Collects uploaded contacts into <see cref="RecipientInput"/> columns a batch at a time: "+digits" numbers straight
/// into the number column, anything else as text for the list grain to normalise or count invalid, variables only for
/// rows that have any.
/// </summary>
internal sealed class ContactBatchBuilder
{
    readonly List<long> numbers = [];
    readonly List<int> textIndexes = [];
    readonly List<string> texts = [];
    readonly List<string> names = [];
    readonly Dictionary<string, int> nameIndexes = new(StringComparer.Ordinal);
    readonly List<int> rowIndexes = [];
    readonly List<string?[]> rows = [];

    public int Count => numbers.Count;

    /// <summary>Adds a contact; <paramref name="variables"/> are (name, value) pairs, empty values left out.</summary>
    public void Add(string? phone, IEnumerable<KeyValuePair<string, string?>> variables)
    {
        var text = phone?.Trim() ?? "";
        if (RecipientInput.TryParseE164Digits(text, out var number))
        {
            numbers.Add(number);
        }
        else
        {
            textIndexes.Add(numbers.Count);
            texts.Add(text);
            numbers.Add(0);
        }
        List<(int Name, string Value)>? values = null;
        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            if (!nameIndexes.TryGetValue(name, out var at))
            {
                nameIndexes[name] = at = names.Count;
                names.Add(name);
            }
            (values ??= []).Add((at, value));
        }
        if (values is not null)
        {
            var row = new string?[names.Count];
            foreach (var (name, value) in values)
            {
                row[name] = value;
            }
            rowIndexes.Add(numbers.Count - 1);
            rows.Add(row);
        }
    }

    /// <summary>The batch so far (rows cut to the names' width), and a fresh start.</summary>
    public RecipientInput Take()
    {
        // A row is as wide as the names were when it was read; later names are absent from it.
        for (var k = 0; k < rows.Count; k++)
        {
            if (rows[k].Length < names.Count)
            {
                var row = rows[k];
                Array.Resize(ref row, names.Count);
                rows[k] = row;
            }
        }
        var batch = new RecipientInput([.. numbers], [.. textIndexes], [.. texts], [.. names], [.. rowIndexes], [.. rows]);
        numbers.Clear();
        textIndexes.Clear();
        texts.Clear();
        names.Clear();
        nameIndexes.Clear();
        rowIndexes.Clear();
        rows.Clear();
        return batch;
    }
}
