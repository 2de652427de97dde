namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// What a status callback's <c>MessageStatus</c> means: <c>delivered</c> is final and delivered; <c>undelivered</c> and
/// <c>failed</c> are final failures with error <c>twilio:{ErrorCode}</c>; every other status (<c>queued</c>,
/// <c>sending</c>, <c>sent</c>, …) is a step on the way and changes nothing.
/// </summary>
public static class TwilioStatuses
{
    /// <summary>The final outcome and error of a callback, or null when it is not final.</summary>
    public static (ReceiptOutcome Outcome, string? Error)? Final(string? messageStatus, string? errorCode) =>
        messageStatus?.ToLowerInvariant() switch
        {
            "delivered" => (ReceiptOutcome.Delivered, null),
            "undelivered" or "failed" => (ReceiptOutcome.Failed, "twilio:" + (string.IsNullOrEmpty(errorCode) ? "unknown" : errorCode)),
            _ => null,
        };
}
