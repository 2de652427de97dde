using BroadcastGrains.Partitions.Journal;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Turns a slice's changes into journal entries and back. An entry holds the current columns of each recipient that
/// changed (not the transitions), so replaying it twice changes nothing, and the money and cursor as they stand after
/// it. The grain writes what <see cref="Next"/> makes and, once it is written, calls <see cref="Appended"/>.
/// </summary>
internal static class SliceJournal
{
    /// <summary>
    /// Added to the version when a partition resumes from storage: the lost activation may have reported versions past
    /// its last durable write, and the broadcast keeps only newer reports.
    /// </summary>
    public const long ResumeVersionStep = 1L << 32;

    /// <summary>
    /// The entry for what changed since the last one; with <paramref name="force"/> also when only money moved; null
    /// when there is nothing to write or nothing is journaled.
    /// </summary>
    public static JournalEntry? Next(PartitionState state, bool force)
    {
        if (state.Changed is not { } changed || (changed.Count == 0 && !force))
        {
            return null;
        }
        var indexes = changed.Distinct().ToArray();
        var count = indexes.Length;
        var statuses = new byte[count];
        var errors = new byte[count];
        var updatedAt = new int[count];
        string?[]? carrierIds = null;
        string?[]? routes = null;
        string?[]? connectors = null;
        var routeColumns = new RouteColumns(state);
        for (var k = 0; k < count; k++)
        {
            var index = indexes[k];
            (statuses[k], errors[k], updatedAt[k]) = (state.Statuses[index], state.Errors[index], state.UpdatedAt[index]);
            if (state.CarrierIds?.GetValueOrDefault(index) is { } carrierId)
            {
                (carrierIds ??= new string?[count])[k] = carrierId;
            }
            if (routeColumns.RouteOf(index) is { } route)
            {
                (routes ??= new string?[count])[k] = route;
            }
            if (routeColumns.ConnectorOf(index) is { } connector)
            {
                (connectors ??= new string?[count])[k] = connector;
            }
        }
        return new JournalEntry(state.JournalSeq + 1, indexes, statuses, errors, updatedAt, carrierIds,
            state.Money(), state.Cursor, state.Version, routes, connectors);
    }

    /// <summary>The entry is durable: its changes are no longer pending, and the next entry follows it.</summary>
    public static void Appended(PartitionState state, JournalEntry entry)
    {
        state.JournalSeq = entry.Seq;
        state.Changed?.Clear();
    }

    /// <summary>Puts back what an entry recorded (counts are recounted once every entry is replayed).</summary>
    public static void Replay(PartitionState state, JournalEntry entry)
    {
        var routeColumns = new RouteColumns(state);
        for (var k = 0; k < entry.Indexes.Length; k++)
        {
            var index = entry.Indexes[k];
            (state.Statuses[index], state.Errors[index], state.UpdatedAt[index]) = (entry.Statuses[k], entry.Errors[k], entry.UpdatedAt[k]);
            if (entry.CarrierIds?[k] is { } carrierId)
            {
                (state.CarrierIds ??= [])[index] = carrierId;
            }
            if (entry.Routes?[k] is not null || entry.Connectors?[k] is not null)
            {
                routeColumns.Put(index, entry.Routes?[k], entry.Connectors?[k]);
            }
        }
        state.Restore(entry.Money);
        (state.Cursor, state.Version, state.JournalSeq) = (entry.Cursor, entry.Version, entry.Seq);
    }
}
