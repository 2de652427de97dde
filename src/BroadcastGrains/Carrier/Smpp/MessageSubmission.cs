namespace BroadcastGrains.Carrier.Smpp;

/// <summary>What became of one part of a committed message.</summary>
internal enum PartFate : byte
{
    /// <summary>The SMSC accepted it and gave its id.</summary>
    Accepted,
    /// <summary>Written, but its submit_sm_resp never came: the SMSC may or may not have it.</summary>
    Unconfirmed,
    /// <summary>Refused, or could not be sent within the parts' patience: the handset cannot get the whole message.</summary>
    Failed,
}

/// <summary>
/// The result of submitting one message: what the partition is told (<see cref="Result"/>) and, for a committed one,
/// each part's SMSC id and fate, from which the directory entries are made.
/// </summary>
internal sealed record MessageSubmission(SubmitResult Result, string?[] Ids, PartFate[] Fates)
{
    /// <summary>An error text on accepted messages whose first part is unconfirmed (shown nowhere; kept for logs).</summary>
    public const string UnconfirmedError = "unconfirmed";

    public bool IsCommitted => Result.Status == SubmitStatus.Accepted;

    public static MessageSubmission Retry(string why) => new(new SubmitResult(SubmitStatus.RetryLater, null, why), [], []);

    public static MessageSubmission Rejected(string why) => new(new SubmitResult(SubmitStatus.Rejected, null, why), [], []);

    /// <summary>
    /// A committed message: Accepted with the first part's id. When that id never came back the message is still
    /// Accepted (the SMSC may have it, so it must not be sent again) but has no id to show.
    /// </summary>
    public static MessageSubmission Committed(string?[] ids, PartFate[] fates) =>
        new(new SubmitResult(SubmitStatus.Accepted, ids[0], ids[0] is null ? UnconfirmedError : null), ids, fates);
}
