namespace BroadcastGrains.Broadcasts;

/// <summary>A change to a broadcast that has not started (draft, scheduled, pending approval); null members keep their value.</summary>
[GenerateSerializer, Immutable, Alias("broadcast-patch")]
public sealed record BroadcastPatch
{
#pragma warning disable CS1591 // the members are API.md's PATCH fields, documented there.
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Body { get; init; }
    [Id(2)] public string? From { get; init; }
    [Id(3)] public DateTimeOffset? ScheduledAt { get; init; }
    [Id(4)] public string? RecurrenceRule { get; init; }
    [Id(5)] public string? Timezone { get; init; }
    [Id(6)] public int? DripRatePerMinute { get; init; }
    [Id(7)] public DeliveryWindow? DeliveryWindow { get; init; }
    [Id(8)] public int? ValidityMinutes { get; init; }
    [Id(9)] public ScheduleMode? ScheduleMode { get; init; }
#pragma warning restore CS1591
}
