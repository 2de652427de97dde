namespace BroadcastGrains.Carrier;

/// <summary>
/// Messages of one partition, in columns. Message <c>i</c> goes to <see cref="Numbers"/>[i] (E.164 digits) with
/// <see cref="Bodies"/>[i] (the same string instance for every message when the body has no variables), and is known to
/// the partition as recipient <see cref="Indexes"/>[i]. The carrier's receipts come back keyed by
/// (<see cref="PartitionKey"/>, index) — see <see cref="CarrierMessageIds"/>. <see cref="Routing"/> is for the
/// router; a carrier link ignores it. <see cref="Round"/> is the retry run a resubmission of the slice belongs to (0 for
/// its first run): a deliberate second attempt, not a duplicate.
/// </summary>
public sealed record SubmitBatch(
    string PartitionKey,
    string From,
    int[] Indexes,
    long[] Numbers,
    string[] Bodies,
    byte[] Segments,
    IReadOnlyList<string>? MediaUrls,
    int Count,
    BatchRouting? Routing = null,
    int Round = 0);
