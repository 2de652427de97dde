using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// Collects uploaded contacts into <see cref="RecipientInput"/> columns a batch at a time: "+digits" numbers straight
/// into the number column, anything else as text for the list grain to normalise or count invalid, variables only for
/// rows that have any. Checks <see cref="RequestLimits"/> over the whole upload, batch after batch.
/// </summary>
internal sealed class ContactBatchBuilder
{
    readonly List<long> _numbers = [];
    readonly List<int> _textIndexes = [];
    readonly List<string> _texts = [];
    readonly HashSet<string> _uploadNames = new(StringComparer.Ordinal);
    VariableTableBuilder _variables = new();

    public int Count => _numbers.Count;

    /// <summary>
    /// Adds a contact; <paramref name="variables"/> are (name, value) pairs, empty values left out. A refusal, and
    /// nothing added, when the contact passes a limit.
    /// </summary>
    public BroadcastError? Add(string? phone, IEnumerable<KeyValuePair<string, string?>> variables)
    {
        var text = phone?.Trim() ?? "";
        var row = _numbers.Count;
        if (text.Length > RequestLimits.MaxRecipientLength)
        {
            return BroadcastError.Field(ErrorCodes.ValidationFailed, "phone",
                $"the phone of contact {row} is longer than {RequestLimits.MaxRecipientLength} characters");
        }
        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            if (Refusal(name, value, row) is { } refused)
            {
                return refused;
            }
            _variables.Add(_variables.NameIndex(name), value);
        }
        if (RecipientInput.TryParseE164Digits(text, out var number))
        {
            _numbers.Add(number);
        }
        else
        {
            _textIndexes.Add(row);
            _texts.Add(text);
            _numbers.Add(0);
        }
        _variables.EndRow(row);
        return null;
    }

    /// <summary>The batch so far, and a fresh start (the upload's names stay counted).</summary>
    public RecipientInput Take()
    {
        var batch = new RecipientInput([.. _numbers], [.. _textIndexes], [.. _texts], _variables.Build());
        _numbers.Clear();
        _textIndexes.Clear();
        _texts.Clear();
        _variables = new VariableTableBuilder();
        return batch;
    }

    BroadcastError? Refusal(string name, string value, int row)
    {
        if (name.Length > RequestLimits.MaxVariableNameLength)
        {
            return BroadcastError.Field(ErrorCodes.ValidationFailed, "variables",
                $"a variable name of contact {row} is longer than {RequestLimits.MaxVariableNameLength} characters");
        }
        if (value.Length > RequestLimits.MaxVariableValueLength)
        {
            return BroadcastError.Field(ErrorCodes.ValidationFailed, $"variables.{name}",
                $"variable '{name}' of contact {row} is longer than {RequestLimits.MaxVariableValueLength} characters");
        }
        if (_variables.OpenCells == RequestLimits.MaxVariableNames
            || (!_uploadNames.Contains(name) && _uploadNames.Count == RequestLimits.MaxVariableNames))
        {
            return BroadcastError.Field(ErrorCodes.TooManyVariables, "variables",
                $"an upload takes at most {RequestLimits.MaxVariableNames} distinct variable names");
        }
        _uploadNames.Add(name);
        return null;
    }
}
