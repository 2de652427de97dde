using BroadcastGrains.Carrier.Smpp.Directory;

namespace BroadcastGrains.Carrier.Smpp.Receipts;

/// <summary>
/// A receipt on its way through the pipeline. <see cref="Ack"/> answers the deliver_sm (null for outcomes the carrier
/// decided itself, such as a part it could not send). <see cref="Entry"/> is filled in once the directory knows whose
/// message it was.
/// </summary>
internal sealed class PendingReceipt
{
    public required string MessageId { get; init; }

    public required string AddressKey { get; init; }

    public required ReceiptOutcome Outcome { get; init; }

    public string? Error { get; init; }

    public Action<uint>? Ack { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public DirectoryEntry? Entry { get; set; }

    /// <summary>True when <see cref="Entry"/> came from the id map (and must be forgotten once routed).</summary>
    public bool ResolvedById { get; set; }

    public DateTimeOffset NextTry { get; set; }
}
