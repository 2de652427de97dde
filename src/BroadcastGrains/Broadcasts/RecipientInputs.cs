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
        var numbers = new long[inputs.Sum(i => i.Count)];
        var textIndexes = new List<int>();
        var texts = new List<string>();
        var offsets = new int[inputs.Count];
        var offset = 0;
        for (var k = 0; k < inputs.Count; k++)
        {
            var input = inputs[k];
            offsets[k] = offset;
            input.Numbers.CopyTo(numbers, offset);
            textIndexes.AddRange(input.TextIndexes.Select(t => t + offset));
            texts.AddRange(input.Texts);
            offset += input.Count;
        }
        var variables = VariableTableCuts.Concat([.. inputs.Select(i => i.Variables)], offsets);
        return new RecipientInput(numbers, [.. textIndexes], [.. texts], variables);
    }
}
