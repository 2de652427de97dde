namespace BroadcastGrains.Carrier;

/// <summary>Delivery receipts for recipients of one partition, in columns.</summary>
[GenerateSerializer, Immutable, Alias("receipt-batch")]
public sealed record ReceiptBatch(
    [property: Id(0)] int[] Indexes,
    [property: Id(1)] ReceiptOutcome[] Outcomes,
    [property: Id(2)] string?[]? Errors,
    [property: Id(3)] DateTimeOffset At);

/// <summary>A receipt's final outcome.</summary>
public enum ReceiptOutcome : byte
{
    /// <summary>Delivered to the handset.</summary>
    Delivered,
    /// <summary>Not delivered.</summary>
    Failed,
    /// <summary>The carrier gave up when the validity passed.</summary>
    Expired,
}
