namespace BroadcastGrains.Broadcasts;

/// <summary>Joins recipient inputs (contact lists) into one, variables mapped onto the union of their names.</summary>
internal static class RecipientInputs
{
    public static RecipientInput Concat(IReadOnlyList<RecipientInput> inputs)
    {
        if (inputs.Count == 1)
        {
            return inputs[0];
        }
        var names = inputs.SelectMany(i => i.VariableNames).Distinct(StringComparer.Ordinal).ToArray();
        var numbers = new long[inputs.Sum(i => i.Count)];
        var textIndexes = new List<int>();
        var texts = new List<string>();
        var rowIndexes = new List<int>();
        var rows = new List<string?[]>();
        var offset = 0;
        foreach (var input in inputs)
        {
            input.Numbers.CopyTo(numbers, offset);
            textIndexes.AddRange(input.TextIndexes.Select(t => t + offset));
            texts.AddRange(input.Texts);
            var map = input.VariableNames.Select(n => Array.IndexOf(names, n)).ToArray();
            for (var k = 0; k < input.VariableRowIndexes.Length; k++)
            {
                var row = new string?[names.Length];
                for (var n = 0; n < map.Length && n < input.VariableRows[k].Length; n++)
                {
                    row[map[n]] = input.VariableRows[k][n];
                }
                rowIndexes.Add(input.VariableRowIndexes[k] + offset);
                rows.Add(row);
            }
            offset += input.Count;
        }
        return new RecipientInput(numbers, [.. textIndexes], [.. texts], names, [.. rowIndexes], [.. rows]);
    }
}
