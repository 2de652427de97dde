namespace BroadcastGrains.Carrier;

/// <summary>
/// What the carrier said to one submitted message. A null <see cref="CarrierMessageId"/> on an accepted message means the
/// carrier knows it by <see cref="CarrierMessageIds.Format"/> (the simulator does, sparing a string per message);
/// a carrier with ids of its own (an SMSC) gives them, and the partition keeps them.
/// </summary>
public readonly record struct SubmitResult(SubmitStatus Status, string? CarrierMessageId, string? Error);

/// <summary>The carrier's answer to a submit.</summary>
public enum SubmitStatus : byte
{
    /// <summary>Accepted: the message is charged and a receipt may follow.</summary>
    Accepted,
    /// <summary>Refused for good (no route, barred number): final <c>blocked</c>, never charged.</summary>
    Rejected,
    /// <summary>Not taken now (throttled, queue full): submit again later.</summary>
    RetryLater,
}
