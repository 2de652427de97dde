using BroadcastGrains.Broadcasts;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>Turns uploaded rows into valid E.164 numbers grouped by shard, and shards back into recipients.</summary>
internal static class ContactNormalizer
{
    /// <summary>Entry i's valid E.164 number, or 0 (counted in <paramref name="invalid"/>) when it is not a valid number.</summary>
    public static long[] ValidNumbers(RecipientInput contacts, string? defaultRegion, PhoneNumberClassifier phones, out int invalid)
    {
        var numbers = (long[])contacts.Numbers.Clone();
        for (var k = 0; k < contacts.TextIndexes.Length; k++)
        {
            numbers[contacts.TextIndexes[k]] = phones.TryNormalize(contacts.Texts[k], defaultRegion, out var e164) ? e164 : 0;
        }
        invalid = 0;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i] == 0 || phones.ValidRegionOf(numbers[i]) is null)
            {
                numbers[i] = 0;
                invalid++;
            }
        }
        return numbers;
    }

    /// <summary>The valid entries cut by shard (null for a shard with none), variables carried along.</summary>
    public static ContactBatch?[] ByShard(RecipientInput contacts, long[] numbers)
    {
        var rowOf = new Dictionary<int, string?[]>(contacts.VariableRowIndexes.Length);
        for (var k = 0; k < contacts.VariableRowIndexes.Length; k++)
        {
            rowOf[contacts.VariableRowIndexes[k]] = contacts.VariableRows[k];
        }
        var shardNumbers = new List<long>?[ContactShards.Count];
        var shardRowIndexes = new List<int>?[ContactShards.Count];
        var shardRows = new List<string?[]>?[ContactShards.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i] == 0)
            {
                continue;
            }
            var s = ContactShards.Of(numbers[i]);
            var list = shardNumbers[s] ??= [];
            if (rowOf.TryGetValue(i, out var row))
            {
                (shardRowIndexes[s] ??= []).Add(list.Count);
                (shardRows[s] ??= []).Add(row);
            }
            list.Add(numbers[i]);
        }
        var batches = new ContactBatch?[ContactShards.Count];
        for (var s = 0; s < batches.Length; s++)
        {
            if (shardNumbers[s] is { } list)
            {
                batches[s] = new ContactBatch([.. list], contacts.VariableNames, [.. shardRowIndexes[s] ?? []], [.. shardRows[s] ?? []]);
            }
        }
        return batches;
    }

    /// <summary>Shards back into one recipient input; every shard's variables mapped onto the union of their names.</summary>
    public static RecipientInput Concat(IReadOnlyList<ContactBatch> shards)
    {
        var names = shards.SelectMany(s => s.VariableNames).Distinct(StringComparer.Ordinal).ToArray();
        var numbers = new long[shards.Sum(s => s.Numbers.Length)];
        var rowIndexes = new List<int>();
        var rows = new List<string?[]>();
        var offset = 0;
        foreach (var shard in shards)
        {
            shard.Numbers.CopyTo(numbers, offset);
            var map = shard.VariableNames.Select(n => Array.IndexOf(names, n)).ToArray();
            for (var k = 0; k < shard.RowIndexes.Length; k++)
            {
                var row = new string?[names.Length];
                var source = shard.Rows[k];
                for (var n = 0; n < map.Length && n < source.Length; n++)
                {
                    row[map[n]] = source[n];
                }
                rowIndexes.Add(offset + shard.RowIndexes[k]);
                rows.Add(row);
            }
            offset += shard.Numbers.Length;
        }
        return new RecipientInput(numbers, [], [], names, [.. rowIndexes], [.. rows]);
    }
}
