using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Which sent messages a partition hands to <see cref="Carrier.ISentMessageReconciler"/>: each once, when it has waited
/// <see cref="AgeSeconds"/> without a receipt (a receipt normally comes sooner, and the registration made at submit time
/// is in storage by then unless its directory shard died within those seconds), and, after the partition resumed on a
/// new activation, every one still sent at once (the silo that sent them may have taken their registrations with it).
/// A watermark of change times makes that once: nothing is remembered per recipient.
/// </summary>
internal sealed class SentReconciliation
{
    /// <summary>How long a sent message waits for its receipt before it is registered again.</summary>
    public const int AgeSeconds = 3;

    // Sent recipients whose change time is below this have been handed over.
    int _before = int.MinValue;
    bool _everything;

    /// <summary>The next pass takes every sent recipient, however recent (a resumed activation).</summary>
    public void TakeEverything() => _everything = true;

    /// <summary>
    /// The sent recipients due at <paramref name="now"/> (seconds since the partition was created) and the watermark to
    /// pass to <see cref="Done"/> once they are registered; an empty list when nothing can be due yet.
    /// </summary>
    public (List<int> Due, int Cutoff) Due(PartitionState state, int now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var cutoff = _everything ? now + 1 : now - AgeSeconds;
        var due = new List<int>();
        if (cutoff <= _before || state.Counts[(int)RecipientStatus.Sent] == 0)
        {
            return (due, cutoff);
        }
        for (var i = 0; i < state.Statuses.Length; i++)
        {
            var at = state.UpdatedAt[i];
            if (at >= _before && at < cutoff && (RecipientStatus)state.Statuses[i] == RecipientStatus.Sent)
            {
                due.Add(i);
            }
        }
        return (due, cutoff);
    }

    /// <summary>What <see cref="Due"/> answered is registered: the watermark moves to <paramref name="cutoff"/>.</summary>
    public void Done(int cutoff)
    {
        _before = Math.Max(_before, cutoff);
        _everything = false;
    }
}
