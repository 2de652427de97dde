namespace BroadcastGrains.Broadcasts;

/// <summary>
/// What an interactive command (approve, send-now) changes before it knows whether its run can start: a refusal
/// (quota, credits, a message that no longer prices) puts these back, so it changes nothing.
/// </summary>
internal readonly record struct LifecycleMark(BroadcastStatus Status, DateTimeOffset? NextRunAt, DateTimeOffset? ApprovedAt);
