namespace BroadcastGrains.Carrier;

/// <summary>One receipt as a carrier callback gives it.</summary>
public readonly record struct CarrierReceipt(string CarrierMessageId, ReceiptOutcome Outcome, string? Error, DateTimeOffset At);
