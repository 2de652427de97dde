namespace BroadcastGrains.Partitions;

/// <summary>
/// The numbers a partition's carrier accepted a message for, and whether it may still send more (it is not done), so a
/// reply index built mid-send knows its miss may be a number sent since.
/// </summary>
[GenerateSerializer, Immutable, Alias("partition-sent-numbers")]
public sealed record SentNumbers(
    [property: Id(0)] long[] Numbers,
    [property: Id(1)] bool MoreToCome);
