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
        // Stored contacts keep rows parallel to the upload's names, which the upload capped at 50.
        var variables = contacts.Variables;
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
            if (variables.RowOf(i) is var row and >= 0)
            {
                (shardRowIndexes[s] ??= []).Add(list.Count);
                (shardRows[s] ??= []).Add(variables.ValuesOf(row));
            }
            list.Add(numbers[i]);
        }
        var batches = new ContactBatch?[ContactShards.Count];
        for (var s = 0; s < batches.Length; s++)
        {
            if (shardNumbers[s] is { } list)
            {
                batches[s] = new ContactBatch([.. list], variables.Names, [.. shardRowIndexes[s] ?? []], [.. shardRows[s] ?? []]);
            }
        }
        return batches;
    }

    /// <summary>Shards back into one recipient input; every shard's variables mapped onto the union of their names.</summary>
    public static RecipientInput Concat(IReadOnlyList<ContactBatch> shards)
    {
        var numbers = new long[shards.Sum(s => s.Numbers.Length)];
        var tables = new VariableTable[shards.Count];
        var offsets = new int[shards.Count];
        var offset = 0;
        for (var k = 0; k < shards.Count; k++)
        {
            var shard = shards[k];
            shard.Numbers.CopyTo(numbers, offset);
            tables[k] = VariableTable.FromRows(shard.VariableNames, shard.RowIndexes, shard.Rows);
            offsets[k] = offset;
            offset += shard.Numbers.Length;
        }
        return new RecipientInput(numbers, [], [], VariableTableCuts.Concat(tables, offsets));
    }
}
