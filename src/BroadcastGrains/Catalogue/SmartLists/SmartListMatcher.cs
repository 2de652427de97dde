using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Catalogue.SmartLists;

/// <summary>
/// Which contacts a smart list holds: those matching every condition. Works on the compact columns of
/// <see cref="RecipientInput"/> (the value is compared in place, no string per contact); only matching contacts that
/// have variables are copied out.
/// </summary>
internal static class SmartListMatcher
{
    public static readonly string[] Ops = ["equals", "notEquals", "exists", "notExists", "contains"];

    /// <summary>A refusal for a condition that cannot be evaluated, or null.</summary>
    public static BroadcastError? Refuse(IReadOnlyList<SmartListCondition> where)
    {
        foreach (var c in where)
        {
            if (string.IsNullOrWhiteSpace(c.Variable) || !Ops.Contains(c.Op, StringComparer.Ordinal))
            {
                return BroadcastError.Field(ErrorCodes.ValidationFailed, "where", $"each condition needs a variable and an op: {string.Join("/", Ops)}");
            }
            if (c.Op is "equals" or "notEquals" or "contains" && c.Value is null)
            {
                return BroadcastError.Field(ErrorCodes.ValidationFailed, "where", $"op {c.Op} needs a value");
            }
        }
        return null;
    }

    /// <summary>True when contact <paramref name="i"/> matches every condition.</summary>
    public static bool Matches(VariableTable variables, int i, IReadOnlyList<SmartListCondition> where, int[] nameIndexes)
    {
        var row = variables.RowOf(i);
        for (var k = 0; k < where.Count; k++)
        {
            var cell = row >= 0 && nameIndexes[k] >= 0 ? variables.CellOf(row, nameIndexes[k]) : -1;
            var value = cell >= 0 ? variables.ValueAt(cell) : default;
            var ok = where[k].Op switch
            {
                "exists" => cell >= 0,
                "notExists" => cell < 0,
                "equals" => cell >= 0 && value.SequenceEqual(where[k].Value),
                "notEquals" => cell < 0 || !value.SequenceEqual(where[k].Value),
                "contains" => cell >= 0 && value.Contains(where[k].Value, StringComparison.Ordinal),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many contacts match, without copying any.</summary>
    public static int Count(RecipientInput contacts, IReadOnlyList<SmartListCondition> where)
    {
        var names = NameIndexes(contacts.Variables, where);
        var count = 0;
        for (var i = 0; i < contacts.Count; i++)
        {
            count += Matches(contacts.Variables, i, where, names) ? 1 : 0;
        }
        return count;
    }

    /// <summary>The matching contacts as recipients, variables carried along.</summary>
    public static RecipientInput Filter(RecipientInput contacts, IReadOnlyList<SmartListCondition> where)
    {
        var names = NameIndexes(contacts.Variables, where);
        var numbers = new List<long>();
        var rowIndexes = new List<int>();
        var rows = new List<IReadOnlyList<string?>>();
        for (var i = 0; i < contacts.Count; i++)
        {
            if (!Matches(contacts.Variables, i, where, names))
            {
                continue;
            }
            if (contacts.Variables.RowOf(i) is var row and >= 0)
            {
                rowIndexes.Add(numbers.Count);
                rows.Add(contacts.Variables.ValuesOf(row));
            }
            numbers.Add(contacts.Numbers[i]);
        }
        return new RecipientInput([.. numbers], [], [], VariableTable.FromRows(contacts.Variables.Names, rowIndexes, rows));
    }

    static int[] NameIndexes(VariableTable variables, IReadOnlyList<SmartListCondition> where) =>
        [.. where.Select(c => Array.IndexOf(variables.Names, c.Variable))];
}
