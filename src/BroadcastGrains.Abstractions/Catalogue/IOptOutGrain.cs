using Orleans.Concurrency;

namespace BroadcastGrains.Catalogue;

/// <summary>
/// A client's opt-out list. Keyed by client id. Partitions ask it which of their numbers are opted out when they are
/// prepared, and what changed before each batch they send, so an opt-out stops messages not yet sent.
/// </summary>
[Alias("opt-outs")]
public interface IOptOutGrain : IGrainWithStringKey
{
    /// <summary>Puts a number (E.164 digits) on the list; true when it was not on it.</summary>
    [Alias("add")]
    Task<bool> AddAsync(long phone, OptOutSource source);

    /// <summary>Takes a number off the list; true when it was on it.</summary>
    [Alias("remove")]
    Task<bool> RemoveAsync(long phone);

    /// <summary>Up to <paramref name="limit"/> opt-outs in number order, after <paramref name="after"/> when given.</summary>
    [Alias("list"), ReadOnly]
    Task<OptOutPage> ListAsync(long? after, int limit);

    /// <summary>The positions in <paramref name="phones"/> of the numbers on the list.</summary>
    [Alias("match"), ReadOnly]
    Task<OptOutMatches> MatchAsync(long[] phones);

    /// <summary>Numbers added since <paramref name="version"/> (cheap when nothing changed: the hot path of sending).</summary>
    [Alias("changes"), ReadOnly]
    Task<OptOutChanges> ChangesSinceAsync(long version);
}
