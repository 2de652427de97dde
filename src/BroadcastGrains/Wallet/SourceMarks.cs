namespace BroadcastGrains.Wallet;

/// <summary>
/// The last capture and refund a source applied: its number and the credits it moved (what a retry of it answers).
/// A number at or below the mark was applied already; -1 means none was.
/// </summary>
[GenerateSerializer, Immutable, Alias("wallet-source-marks")]
public sealed record SourceMarks(
    [property: Id(0)] long CaptureSequence,
    [property: Id(1)] decimal LastCaptured,
    [property: Id(2)] long RefundSequence,
    [property: Id(3)] decimal LastRefunded)
{
    /// <summary>A source that applied nothing yet.</summary>
    public static SourceMarks None { get; } = new(-1, 0, -1, 0);
}
