namespace BroadcastGrains.Partitions;

/// <summary>
/// Which of a slice's recipients an opt-out list's change reaches. The list answers in numbers; the slice keeps its
/// recipients by position, so one pass over the slice's numbers finds them (one call and one pass per batch, never a
/// lookup per message).
/// </summary>
internal static class OptOutPositions
{
    /// <summary>The positions in <paramref name="numbers"/> of a number in <paramref name="added"/>, in slice order.</summary>
    public static IEnumerable<int> Of(long[] numbers, long[] added)
    {
        if (added.Length == 0)
        {
            return [];
        }
        var optedOut = added.ToHashSet();
        return Enumerable.Range(0, numbers.Length).Where(i => optedOut.Contains(numbers[i]));
    }
}
