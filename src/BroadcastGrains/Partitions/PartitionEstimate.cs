using BroadcastGrains.Broadcasts;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Partitions;

/// <summary>What a prepared slice will cost and how its recipients start out.</summary>
[GenerateSerializer, Immutable, Alias("partition-estimate")]
public sealed record PartitionEstimate(
    [property: Id(0)] long[] Counts,
    [property: Id(1)] IReadOnlyList<CountryBreakdown> Breakdown,
    [property: Id(2)] decimal Credits,
    [property: Id(3)] long Segments,
    [property: Id(4)] int MaxSegments,
    [property: Id(5)] MessageEncoding Encoding,
    [property: Id(6)] IReadOnlyList<string> Unroutable,
    [property: Id(7)] BroadcastError? Error);
