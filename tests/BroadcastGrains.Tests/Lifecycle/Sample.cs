namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>How many recipients the carrier had accepted <see cref="At"/> after sampling began.</summary>
public sealed record Sample(TimeSpan At, long Accepted);
