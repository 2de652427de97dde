using System.Globalization;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Json;

/// <summary>The body of <c>PATCH /v1/broadcasts/{id}</c>: every field optional; absent or null keeps the value.</summary>
internal sealed record PatchBroadcastRequest(
    string? Name, string? Body, string? From, string? ScheduleMode, DateTimeOffset? ScheduledAt, string? RecurrenceRule,
    string? Timezone, int? DripRatePerMinute, DeliveryWindowJson? DeliveryWindow, int? ValidityMinutes)
{
    static readonly Dictionary<string, BroadcastGrains.Broadcasts.ScheduleMode> Modes = Enum.GetValues<BroadcastGrains.Broadcasts.ScheduleMode>()
        .ToDictionary(m => m.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public BroadcastPatch? ToPatch()
    {
        if (InvalidField() is not null)
        {
            return null;
        }
        return new BroadcastPatch
        {
            Name = Name,
            Body = Body,
            From = From,
            ScheduleMode = ScheduleMode is null ? null : Modes[ScheduleMode],
            ScheduledAt = ScheduledAt,
            RecurrenceRule = RecurrenceRule,
            Timezone = Timezone,
            DripRatePerMinute = DripRatePerMinute,
            DeliveryWindow = DeliveryWindow is null ? null : new DeliveryWindow(Time(DeliveryWindow.Start)!.Value, Time(DeliveryWindow.End)!.Value),
            ValidityMinutes = ValidityMinutes,
        };
    }

    public string? InvalidField() =>
        ScheduleMode is not null && !Modes.ContainsKey(ScheduleMode) ? "scheduleMode"
        : DeliveryWindow is not null && (Time(DeliveryWindow.Start) is null || Time(DeliveryWindow.End) is null) ? "deliveryWindow"
        : null;

    public string? InvalidMessage() => InvalidField() switch
    {
        "scheduleMode" => $"scheduleMode must be one of {string.Join(", ", Modes.Keys)}",
        "deliveryWindow" => "deliveryWindow needs start and end as HH:mm",
        _ => null,
    };

    static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
