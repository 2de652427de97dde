namespace BroadcastGrains.Broadcasts;

/// <summary>One run of a broadcast, as <c>GET /v1/broadcasts/{id}/runs</c> lists it.</summary>
[GenerateSerializer, Immutable, Alias("run-view")]
public sealed record RunView(
    [property: Id(0)] int Run,
    [property: Id(1)] BroadcastStatus Status,
    [property: Id(2)] DateTimeOffset ScheduledFor,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] DateTimeOffset? CompletedAt,
    [property: Id(5)] long RecipientCount,
    [property: Id(6)] decimal HeldCredits,
    [property: Id(7)] decimal SpentCredits,
    [property: Id(8)] DrSummary DrSummary,
    [property: Id(9)] string? FailureReason,
    [property: Id(10)] bool IsRetry = false);
