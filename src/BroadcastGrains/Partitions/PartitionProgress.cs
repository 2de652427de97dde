namespace BroadcastGrains.Partitions;

/// <summary>
/// A partition's counts so far, sent up in batches (a few a second at most). Absolute rather than deltas, with a
/// version: a retried or reordered report can neither count twice nor go backwards.
/// </summary>
[GenerateSerializer, Immutable, Alias("partition-progress")]
public sealed record PartitionProgress(
    [property: Id(0)] int Partition,
    [property: Id(1)] long Version,
    [property: Id(2)] long[] Counts,
    [property: Id(3)] decimal Captured,
    [property: Id(4)] decimal Refunded,
    [property: Id(5)] bool Done,
    [property: Id(6)] int Run = 1)
{
    /// <summary>For a retry run, the counts of the slice's recipients outside it (its summary leaves them out); else null.</summary>
    [Id(57)] public long[]? Outside { get; init; }

    /// <summary>The counts of this run's own recipients.</summary>
    public long[] RunCounts() => Outside is { } outside ? Counts.Select((c, s) => c - outside[s]).ToArray() : Counts;
}
