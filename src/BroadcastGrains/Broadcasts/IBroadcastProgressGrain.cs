using Orleans.Concurrency;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>The side of a broadcast grain its partitions talk to. Same grain as <see cref="IBroadcastGrain"/>.</summary>
[Alias("broadcast-progress")]
public interface IBroadcastProgressGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a partition's counts. Interleaves with everything (it only updates memory), so a partition reporting
    /// while the broadcast waits on that partition never deadlocks.
    /// </summary>
    [Alias("report"), AlwaysInterleave]
    Task ReportAsync(PartitionProgress progress);

    /// <summary>
    /// Lets a paced partition (drip, quiet hours) submit up to <paramref name="wanted"/> messages. One token bucket per
    /// broadcast, in this one activation, so the rate holds across every partition and silo together.
    /// </summary>
    [Alias("acquire"), AlwaysInterleave]
    Task<SendGrant> AcquireSendsAsync(int run, int wanted);

    /// <summary>Counts a reply from one of the broadcast's recipients in <c>replyCount</c>.</summary>
    [Alias("add-reply"), AlwaysInterleave]
    Task AddReplyAsync();

    /// <summary>Called by the sweep: starts a run that came due unnoticed and wakes unfinished partitions.</summary>
    [Alias("wake")]
    Task WakeAsync();
}
