using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions.Journal;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Crash safety with durable storage. The grain state is a snapshot; between snapshots every change goes to the journal
/// in one row per batch: the batch's recipients as <c>queued</c> before the carrier sees them (the intent), their
/// outcomes with the next row, and the money before each wallet call. A partition resuming on another silo replays the
/// rows after its snapshot; a recipient whose last row says <c>queued</c> may or may not have reached the carrier, so it
/// is never submitted again: it counts as sent (unconfirmed), is matched by a later receipt or times out.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    /// <summary>
    /// Added to the version when a partition resumes from storage: the lost activation may have reported versions past
    /// its last durable write, and the broadcast keeps only newer reports.
    /// </summary>
    const long ResumeVersionStep = 1L << 32;

    /// <summary>Writes what changed since the last entry as one entry; with <paramref name="force"/> also when only money moved.</summary>
    async Task JournalAsync(bool force = false)
    {
        if (State.Changed is not { } changed || (changed.Count == 0 && !force))
        {
            return;
        }
        var indexes = changed.Distinct().ToArray();
        var count = indexes.Length;
        var statuses = new byte[count];
        var errors = new byte[count];
        var updatedAt = new int[count];
        string?[]? carrierIds = null;
        for (var k = 0; k < count; k++)
        {
            var index = indexes[k];
            (statuses[k], errors[k], updatedAt[k]) = (State.Statuses[index], State.Errors[index], State.UpdatedAt[index]);
            if (State.CarrierIds?.GetValueOrDefault(index) is { } carrierId)
            {
                (carrierIds ??= new string?[count])[k] = carrierId;
            }
        }
        var entry = new JournalEntry(State.JournalSeq + 1, indexes, statuses, errors, updatedAt, carrierIds,
            State.Money(), State.Cursor, State.Version);
        await journal.AppendAsync(Key, entry);
        State.JournalSeq = entry.Seq;
        changed.Clear();
    }

    /// <summary>Writes the snapshot: journal first, so the snapshot holds exactly the entries up to its sequence number.</summary>
    async Task StoreAsync()
    {
        await JournalAsync();
        await partition.WriteStateAsync();
        if (State.Changed is not null && State.JournalSeq > 0)
        {
            try
            {
                await journal.TrimAsync(Key, State.JournalSeq);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Harmless: entries the snapshot holds are skipped by replay, and the next snapshot trims them.
                Log.JournalTrimFailed(logger, Key, e);
            }
        }
    }

    /// <summary>Brings a snapshot up to date from the journal and settles what the lost activation left in doubt.</summary>
    async Task ResumeAsync()
    {
        if (State.Changed is null)
        {
            // Nothing is journaled: the snapshot was written on a clean deactivation, with nothing in flight.
            RequeueInFlight();
            State.Version += ResumeVersionStep;
            return;
        }
        foreach (var entry in await journal.ReadAfterAsync(Key, State.JournalSeq))
        {
            Replay(entry);
        }
        State.Recount();
        var inDoubt = SettleInDoubt();
        State.Version += ResumeVersionStep;
        if (inDoubt > 0)
        {
            Log.ResumedInDoubt(logger, Key, inDoubt);
        }
        // Record the decision and the new version at once, so a second crash resumes from here.
        await JournalAsync(force: true);
    }

    void Replay(JournalEntry entry)
    {
        for (var k = 0; k < entry.Indexes.Length; k++)
        {
            var index = entry.Indexes[k];
            (State.Statuses[index], State.Errors[index], State.UpdatedAt[index]) = (entry.Statuses[k], entry.Errors[k], entry.UpdatedAt[k]);
            if (entry.CarrierIds?[k] is { } carrierId)
            {
                (State.CarrierIds ??= [])[index] = carrierId;
            }
        }
        State.Restore(entry.Money);
        (State.Cursor, State.Version, State.JournalSeq) = (entry.Cursor, entry.Version, entry.Seq);
    }

    /// <summary>
    /// Recipients whose intent was written but whose outcome was not: the carrier may have them, and a second submit
    /// would double-send what it accepted. They count as sent and charged from now on; a receipt still finds them, and
    /// without one they time out (refunded when the client has <c>refundFailed</c>).
    /// </summary>
    int SettleInDoubt()
    {
        var now = SecondsSinceCreated();
        var count = 0;
        for (var i = 0; i < State.Statuses.Length; i++)
        {
            if ((RecipientStatus)State.Statuses[i] == RecipientStatus.Queued)
            {
                State.SetStatus(i, RecipientStatus.Sent, now);
                State.Uncaptured += State.CostOf(i);
                count++;
            }
        }
        return count;
    }
}
