namespace BroadcastGrains.Limits;

/// <summary>Whether a request (or a number of recipients) fits the client's limit, and if not, when to try again.</summary>
[GenerateSerializer, Immutable, Alias("limit-decision")]
public sealed record LimitDecision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] TimeSpan RetryAfter)
{
    /// <summary>Allowed.</summary>
    public static LimitDecision Allow { get; } = new(true, TimeSpan.Zero);
}
