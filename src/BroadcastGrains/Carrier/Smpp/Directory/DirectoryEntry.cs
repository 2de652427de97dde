namespace BroadcastGrains.Carrier.Smpp.Directory;

/// <summary>
/// Who sent one SMSC message: recipient <see cref="Index"/> of partition <see cref="PartitionKey"/>, as part
/// <see cref="Part"/> of <see cref="Parts"/>. The parts of a long message share <see cref="MessageKey"/> (the first
/// part's SMSC id, or a made-up key when that id never came back), under which their receipts are tallied.
/// </summary>
[GenerateSerializer, Immutable, Alias("smpp-directory-entry")]
internal sealed record DirectoryEntry(
    [property: Id(0)] string PartitionKey,
    [property: Id(1)] int Index,
    [property: Id(2)] string? MessageKey,
    [property: Id(3)] byte Part,
    [property: Id(4)] byte Parts);

/// <summary>Entries to register under their keys (SMSC message ids, or address keys for unconfirmed parts).</summary>
[GenerateSerializer, Immutable, Alias("smpp-directory-registration")]
internal sealed record DirectoryRegistration(
    [property: Id(0)] string[] Keys,
    [property: Id(1)] DirectoryEntry[] Entries,
    [property: Id(2)] bool ByAddress);

/// <summary>One part's final receipt, to be tallied with its message's other parts.</summary>
[GenerateSerializer, Immutable, Alias("smpp-part-report")]
internal sealed record PartReport(
    [property: Id(0)] DirectoryEntry Entry,
    [property: Id(1)] ReceiptOutcome Outcome,
    [property: Id(2)] string? Error);

/// <summary>The message's outcome once its parts decide it (every part delivered, or the first final failure); else null.</summary>
[GenerateSerializer, Immutable, Alias("smpp-part-verdict")]
internal readonly record struct PartVerdict(
    [property: Id(0)] bool Decided,
    [property: Id(1)] ReceiptOutcome Outcome,
    [property: Id(2)] string? Error);
