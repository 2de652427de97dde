namespace BroadcastGrains.Broadcasts;

/// <summary>API.md's PATCH: every field given replaces the stored one, every field left out keeps it.</summary>
internal static class PatchRule
{
    public static BroadcastDefinition Apply(BroadcastDefinition before, BroadcastPatch patch) => before with
    {
        Name = patch.Name ?? before.Name,
        Body = patch.Body ?? before.Body,
        From = patch.From ?? before.From,
        ValidityMinutes = patch.ValidityMinutes ?? before.ValidityMinutes,
        Schedule = before.Schedule with
        {
            Mode = patch.ScheduleMode ?? before.Schedule.Mode,
            ScheduledAt = patch.ScheduledAt ?? before.Schedule.ScheduledAt,
            RecurrenceRule = patch.RecurrenceRule ?? before.Schedule.RecurrenceRule,
            Timezone = patch.Timezone ?? before.Schedule.Timezone,
            DripRatePerMinute = patch.DripRatePerMinute ?? before.Schedule.DripRatePerMinute,
            DeliveryWindow = patch.DeliveryWindow ?? before.Schedule.DeliveryWindow,
        },
    };
}
