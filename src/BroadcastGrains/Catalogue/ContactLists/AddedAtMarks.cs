namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>
/// When each contact of a shard was added, in a few numbers rather than one per contact: contacts are appended in
/// upload order, so a mark "from position p on, added at t" per upload is enough. Removing a contact shifts the marks
/// after it, as it shifts the contacts.
/// </summary>
internal static class AddedAtMarks
{
    /// <summary>Records that the contacts from <paramref name="position"/> on were added at <paramref name="at"/>.</summary>
    public static void Mark(List<int> positions, List<long> times, int position, DateTimeOffset at)
    {
        if (positions.Count > 0 && positions[^1] == position)
        {
            times[^1] = at.UtcTicks;
            return;
        }
        positions.Add(position);
        times.Add(at.UtcTicks);
    }

    /// <summary>When the contact at <paramref name="position"/> was added (the start of time for contacts older than the marks).</summary>
    public static DateTimeOffset At(List<int> positions, List<long> times, int position)
    {
        var k = positions.BinarySearch(position);
        if (k < 0)
        {
            k = ~k - 1;
        }
        return k < 0 ? DateTimeOffset.UnixEpoch : new DateTimeOffset(times[k], TimeSpan.Zero);
    }

    /// <summary>The contact at <paramref name="position"/> is gone: later marks move down one, a mark left empty goes.</summary>
    public static void Removed(List<int> positions, List<long> times, int position, int countAfter)
    {
        for (var k = positions.Count - 1; k >= 0; k--)
        {
            if (positions[k] > position)
            {
                positions[k]--;
            }
        }
        for (var k = positions.Count - 1; k >= 0; k--)
        {
            var end = k + 1 < positions.Count ? positions[k + 1] : countAfter;
            if (positions[k] >= end)
            {
                positions.RemoveAt(k);
                times.RemoveAt(k);
            }
        }
    }
}
