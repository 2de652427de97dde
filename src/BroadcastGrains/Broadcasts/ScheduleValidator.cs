using System.Globalization;
using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Broadcasts;

/// <summary>The schedule checks of API.md: time zone, the one-year horizon, RRULE (runs at least 15 minutes apart), drip rate.</summary>
internal static class ScheduleValidator
{
    public const int MaxDripRatePerMinute = 60_000;
    static readonly TimeSpan Horizon = TimeSpan.FromDays(365);

    public static BroadcastError? Validate(ScheduleSpec schedule, DateTimeOffset now)
    {
        if (!TimeZones.IsKnown(schedule.Timezone))
        {
            return BroadcastError.Field(ErrorCodes.InvalidTimezone, "timezone", $"'{schedule.Timezone}' is not an IANA time zone");
        }
        if (schedule.RecurrenceRule is not null && schedule.Mode != ScheduleMode.Recurring)
        {
            return BroadcastError.Field(ErrorCodes.ValidationFailed, "recurrenceRule", "recurrenceRule needs scheduleMode recurring");
        }
        if (schedule.Mode == ScheduleMode.Scheduled && schedule.ScheduledAt is null)
        {
            return BroadcastError.Field(ErrorCodes.ValidationFailed, "scheduledAt", "scheduledAt is required for scheduleMode scheduled");
        }
        if (schedule.ScheduledAt is { } at && schedule.Mode is not (ScheduleMode.Now or ScheduleMode.Draft)
            && (at <= now || at > now + Horizon))
        {
            return BroadcastError.Field(ErrorCodes.ScheduleOutOfRange, "scheduledAt",
                "scheduledAt must be in the future and at most one year ahead");
        }
        return schedule.Mode switch
        {
            ScheduleMode.Recurring => ValidateRecurrence(schedule, now),
            ScheduleMode.Drip when schedule.DripRatePerMinute is not (>= 1 and <= MaxDripRatePerMinute) =>
                BroadcastError.Field(ErrorCodes.ValidationFailed, "dripRatePerMinute",
                    $"dripRatePerMinute from 1 to {MaxDripRatePerMinute} is required for scheduleMode drip"),
            _ => null,
        };
    }

    static BroadcastError? ValidateRecurrence(ScheduleSpec schedule, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(schedule.RecurrenceRule))
        {
            return BroadcastError.Field(ErrorCodes.ValidationFailed, "recurrenceRule", "recurrenceRule is required for scheduleMode recurring");
        }
        if (Recurrence.Validate(schedule.RecurrenceRule) is { } problem)
        {
            return BroadcastError.Field(ErrorCodes.InvalidRrule, "recurrenceRule", problem);
        }
        var start = schedule.ScheduledAt ?? now;
        if (RecurrenceGap.Shortest(schedule.RecurrenceRule, start, schedule.Timezone) is { } gap && gap < RecurrenceGap.Minimum)
        {
            return BroadcastError.Field(ErrorCodes.InvalidRrule, "recurrenceRule",
                string.Create(CultureInfo.InvariantCulture,
                    $"runs must be at least {RecurrenceGap.Minimum.TotalMinutes:0} minutes apart; this rule has runs {Describe(gap)} apart"));
        }
        var first = Recurrence.Next(schedule.RecurrenceRule, start, schedule.Timezone, start.AddTicks(-1), 1);
        if (first.Count == 0 || first[0] > now + Horizon)
        {
            return BroadcastError.Field(ErrorCodes.ScheduleOutOfRange, "recurrenceRule", "the series has no run within the next year");
        }
        return null;
    }

    static string Describe(TimeSpan gap) => gap < TimeSpan.FromMinutes(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{gap.TotalSeconds:0} seconds")
        : string.Create(CultureInfo.InvariantCulture, $"{gap.TotalMinutes:0.#} minutes");
}
