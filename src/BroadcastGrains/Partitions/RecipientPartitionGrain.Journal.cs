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
    /// <summary>This activation's name in the journal: a row another activation wrote under a sequence number wins.</summary>
    readonly Guid _journalWriter = Guid.NewGuid();

    /// <summary>
    /// Set once another activation took a sequence number this one meant to write (two activations while a silo shuts
    /// down): this activation's state is stale, so it submits, stores and trims nothing more and goes away.
    /// </summary>
    bool _superseded;

    /// <summary>Writes what changed since the last entry as one entry; with <paramref name="force"/> also when only money moved.</summary>
    async Task JournalAsync(bool force = false)
    {
        if (_superseded)
        {
            throw new JournalConflictException(Key, State.JournalSeq + 1);
        }
        if (SliceJournal.Next(State, force) is { } entry)
        {
            try
            {
                await journal.AppendAsync(Key, entry, _journalWriter);
            }
            catch (JournalConflictException)
            {
                _superseded = true;
                StopPump();
                Log.Superseded(logger, Key, entry.Seq);
                DeactivateOnIdle();
                throw;
            }
            SliceJournal.Appended(State, entry);
        }
    }

    /// <summary>Writes the snapshot: journal first, so the snapshot holds exactly the entries up to its sequence number.</summary>
    async Task StoreAsync()
    {
        if (_superseded)
        {
            return; // the activation that won the journal stores the partition; this one's state is stale
        }
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
        // The receipts of what the lost activation sent may find no registration: hand every sent message over again.
        _reconciliation.TakeEverything();
        if (State.Changed is null)
        {
            // Nothing is journaled: the snapshot was written on a clean deactivation, with nothing in flight.
            RequeueInFlight();
            State.Version += SliceJournal.ResumeVersionStep;
            return;
        }
        foreach (var entry in await journal.ReadAfterAsync(Key, State.JournalSeq))
        {
            SliceJournal.Replay(State, entry);
        }
        State.Recount();
        var inDoubt = Ledger.SettleInDoubt(SecondsSinceCreated());
        State.Version += SliceJournal.ResumeVersionStep;
        if (inDoubt > 0)
        {
            Log.ResumedInDoubt(logger, Key, inDoubt);
        }
        // Record the decision and the new version at once, so a second crash resumes from here.
        await JournalAsync(force: true);
    }
}
