namespace BroadcastGrains.Broadcasts;

/// <summary>When and how fast a broadcast runs.</summary>
[GenerateSerializer, Immutable, Alias("schedule-spec")]
public sealed record ScheduleSpec(
    [property: Id(0)] ScheduleMode Mode,
    [property: Id(1)] DateTimeOffset? ScheduledAt,
    [property: Id(2)] string? RecurrenceRule,
    [property: Id(3)] string Timezone,
    [property: Id(4)] int? DripRatePerMinute,
    [property: Id(5)] DeliveryWindow? DeliveryWindow)
{
    /// <summary>Send at once, in UTC, without a window.</summary>
    public static ScheduleSpec Now { get; } = new(ScheduleMode.Now, null, null, "UTC", null, null);
}

/// <summary>
/// Quiet hours: messages go out only between <see cref="Start"/> and <see cref="End"/> local time, on
/// <see cref="Days"/>, read in the broadcast's zone or in each recipient's own (<see cref="Zone"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("delivery-window")]
public sealed record DeliveryWindow(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End,
    [property: Id(21)] WindowZone Zone = WindowZone.Broadcast,
    [property: Id(22)] WeekDays Days = WeekDays.All)
{
    /// <summary>True when each recipient's own clock decides, not the broadcast's.</summary>
    public bool PerRecipient => Zone == WindowZone.Recipient;
}
