using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Turns given recipients into E.164 numbers and drops (or names) duplicates. Works on the columns: the fast path
/// ("+digits", already a number) costs nothing; only text entries go through libphonenumber.
/// </summary>
internal static class RecipientNormalizer
{
    const int DuplicateSampleSize = 10;

    public static NormalizedRecipients Normalize(RecipientInput input, string? defaultRegion, DuplicatePolicy policy,
        PhoneNumberClassifier phones)
    {
        var count = input.Count;
        var numbers = (long[])input.Numbers.Clone();
        var invalid = new Dictionary<int, string>();
        for (var k = 0; k < input.TextIndexes.Length; k++)
        {
            var index = input.TextIndexes[k];
            if (phones.TryNormalize(input.Texts[k], defaultRegion, out var e164))
            {
                numbers[index] = e164;
            }
            else
            {
                numbers[index] = 0;
                invalid[index] = input.Texts[k];
            }
        }

        var seen = new HashSet<long>(count);
        var keep = new bool[count];
        var duplicates = 0;
        var samples = new List<string>();
        for (var i = 0; i < count; i++)
        {
            keep[i] = numbers[i] == 0 || seen.Add(numbers[i]);
            if (!keep[i])
            {
                duplicates++;
                if (samples.Count < DuplicateSampleSize)
                {
                    samples.Add(PhoneNumberClassifier.Format(numbers[i]));
                }
            }
        }
        if (duplicates == 0 || policy == DuplicatePolicy.Reject)
        {
            return Build(input, numbers, invalid, keep: null, duplicates, samples);
        }
        return Build(input, numbers, invalid, keep, duplicates, samples);
    }

    static NormalizedRecipients Build(RecipientInput input, long[] numbers, Dictionary<int, string> invalid, bool[]? keep,
        int duplicates, List<string> samples)
    {
        // newIndex[i] is where entry i lands once duplicates are gone (or i itself when none are dropped).
        var newIndex = new int[numbers.Length];
        var kept = 0;
        for (var i = 0; i < numbers.Length; i++)
        {
            newIndex[i] = keep is null || keep[i] ? kept++ : -1;
        }
        var keptNumbers = keep is null ? numbers : new long[kept];
        if (keep is not null)
        {
            for (var i = 0; i < numbers.Length; i++)
            {
                if (newIndex[i] >= 0)
                {
                    keptNumbers[newIndex[i]] = numbers[i];
                }
            }
        }
        var invalidIndexes = invalid.Keys.Order().ToArray();
        var invalidTexts = invalidIndexes.Select(i => invalid[i]).ToArray();
        for (var k = 0; k < invalidIndexes.Length; k++)
        {
            invalidIndexes[k] = newIndex[invalidIndexes[k]];
        }
        // Rows move only when duplicates were dropped; otherwise the table is the request's own.
        var variables = keep is null ? input.Variables : VariableTableCuts.Remap(input.Variables, newIndex);
        return new NormalizedRecipients(keptNumbers, invalidIndexes, invalidTexts, variables, duplicates, samples);
    }
}
