using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Opt-outs: recipients on the client's list are <c>opted_out</c> when the slice is prepared; while sending, the
/// partition asks the list what changed before each batch (one call per batch, not per message), so a number that
/// opts out mid-send gets nothing after that moment.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    /// <summary>The opt-out list's version this partition has applied; -1 after a reactivation (ask for everything).</summary>
    long _optOutVersion = -1;

    /// <summary>The slice's positions that are on the client's opt-out list now.</summary>
    async Task<IReadOnlySet<int>?> OptedOutAsync(PartitionSlice slice)
    {
        var matches = await GrainFactory.GetGrain<IOptOutGrain>(slice.ClientId).MatchAsync(slice.Numbers);
        _optOutVersion = matches.Version;
        return matches.Indexes.Length == 0 ? null : matches.Indexes.ToHashSet();
    }

    /// <summary>Moves pending recipients that opted out since the last batch to <c>opted_out</c> (never charged).</summary>
    async Task ApplyOptOutsAsync()
    {
        var optOuts = GrainFactory.GetGrain<IOptOutGrain>(Slice.ClientId);
        var changes = await optOuts.ChangesSinceAsync(_optOutVersion);
        IEnumerable<int> indexes;
        if (changes.Reset)
        {
            var matches = await optOuts.MatchAsync(Slice.Numbers);
            (_optOutVersion, indexes) = (matches.Version, matches.Indexes);
        }
        else
        {
            _optOutVersion = changes.Version;
            indexes = OptOutPositions.Of(Slice.Numbers, changes.Added);
        }
        Ledger.OptOut(indexes, SecondsSinceCreated());
    }

    /// <summary>The numbers the carrier accepted a message for (what a reply can answer), and whether more may follow.</summary>
    public Task<SentNumbers> GetSentNumbersAsync()
    {
        if (State.Slice is null)
        {
            return Task.FromResult(new SentNumbers([], false));
        }
        var numbers = new List<long>();
        for (var i = 0; i < State.Statuses.Length; i++)
        {
            if (State.WasCharged(i))
            {
                numbers.Add(Slice.Numbers[i]);
            }
        }
        // Only a finished slice sends nothing more; a cancelled one may still hear of submissions in flight.
        return Task.FromResult(new SentNumbers(numbers.ToArray(), State.Phase != PartitionPhase.Done));
    }
}
