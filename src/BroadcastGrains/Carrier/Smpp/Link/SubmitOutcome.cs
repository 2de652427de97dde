using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>What the SMSC did with one submit_sm, as far as the link can know.</summary>
internal enum SubmitFate : byte
{
    /// <summary>submit_sm_resp with ESME_ROK and a message id.</summary>
    Accepted,
    /// <summary>Refused for good (bad address, barred): submitting again would be refused again.</summary>
    Rejected,
    /// <summary>ESME_RTHROTTLED or ESME_RMSGQFUL: not taken now; safe to submit again.</summary>
    Throttled,
    /// <summary>Never written to any SMSC connection: safe to submit again.</summary>
    NotSent,
    /// <summary>Written, but the response never came (timeout or dropped connection): the SMSC may have taken it.</summary>
    Unconfirmed,
}

/// <summary>A submit_sm's fate, the SMSC's message id when accepted, and the command_status it answered.</summary>
internal readonly record struct SubmitOutcome(SubmitFate Fate, string? MessageId, uint Status)
{
    public static SubmitOutcome NotSent => new(SubmitFate.NotSent, null, SmppStatus.Ok);

    public static SubmitOutcome Unconfirmed => new(SubmitFate.Unconfirmed, null, SmppStatus.Ok);

    /// <summary>The outcome of a response to a submit_sm.</summary>
    public static SubmitOutcome Of(uint status, string messageId) => status switch
    {
        SmppStatus.Ok => new(SubmitFate.Accepted, messageId, status),
        _ when SmppStatus.IsRetryable(status) => new(SubmitFate.Throttled, null, status),
        _ => new(SubmitFate.Rejected, null, status),
    };
}
