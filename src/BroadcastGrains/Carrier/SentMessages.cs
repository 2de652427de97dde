namespace BroadcastGrains.Carrier;

/// <summary>
/// Messages of one partition still awaiting their receipt, in columns: recipient <see cref="Indexes"/>[i] was sent to
/// <see cref="Numbers"/>[i] in <see cref="Segments"/>[i] parts through <see cref="Connectors"/>[i] (null: not known, as
/// for a message whose submit outcome was lost), and the carrier gave it <see cref="CarrierIds"/>[i] (null: none known).
/// </summary>
public sealed record SentMessages(
    string PartitionKey,
    string From,
    int[] Indexes,
    long[] Numbers,
    byte[] Segments,
    string?[] CarrierIds,
    string?[] Connectors);
