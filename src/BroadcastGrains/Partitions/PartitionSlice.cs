using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;

namespace BroadcastGrains.Partitions;

/// <summary>
/// A partition's share of a broadcast's recipients, normalised and de-duplicated by the broadcast grain.
/// <see cref="Numbers"/>[i] is an E.164 number as digits, or 0 for an entry that is not a phone number, whose text is in
/// <see cref="InvalidTexts"/> at the position of i in <see cref="InvalidIndexes"/>. Variables as in
/// <see cref="Broadcasts.RecipientInput"/>, with indexes local to the slice (ids 8–10 held the old row-per-recipient table).
/// </summary>
[GenerateSerializer, Immutable, Alias("partition-slice")]
public sealed record PartitionSlice(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string BroadcastId,
    [property: Id(2)] MessageSpec Message,
    [property: Id(3)] PriceTable Prices,
    [property: Id(4)] bool RefundFailed,
    [property: Id(5)] long[] Numbers,
    [property: Id(6)] int[] InvalidIndexes,
    [property: Id(7)] string[] InvalidTexts,
    [property: Id(11)] VariableTable Variables);
