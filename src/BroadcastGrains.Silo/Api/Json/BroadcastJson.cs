using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Json;

/// <summary>The broadcast object exactly as API.md spells it.</summary>
internal sealed record BroadcastJson(
    string? Id, string ClientId, string Name, string Status, string ScheduleMode, DateTimeOffset? ScheduledAt,
    DateTimeOffset? NextRunAt, string? RecurrenceRule, string Timezone, int? DripRatePerMinute, DeliveryWindowJson? DeliveryWindow,
    string From, string? Body, string? TemplateName, IReadOnlyList<string>? MediaUrls, string Encoding, int SegmentsPerMessage,
    long RecipientCount, long InvalidCount, long DuplicateCount, decimal EstimatedCredits, decimal HeldCredits,
    decimal SpentCredits, decimal RefundedCredits, bool RequiresApproval, DateTimeOffset? ApprovedAt, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DrSummary DrSummary, IReadOnlyList<CountryBreakdown> Breakdown,
    int Runs, IReadOnlyList<DateTimeOffset> UpcomingRuns, long ReplyCount, int ValidityMinutes, string? FailureReason,
    string? Route, bool SmartEncoding, IReadOnlyList<string>? ListIds, string? SmartListSlug, bool TrackLinks,
    ClickTotals Clicks)
{
    public static BroadcastJson Of(BroadcastView b) => new(
        b.Id, b.ClientId, b.Name, b.Status.ToApiName(), b.Schedule.Mode.ToString().ToLowerInvariant(), b.Schedule.ScheduledAt,
        b.NextRunAt, b.Schedule.RecurrenceRule, b.Schedule.Timezone, b.Schedule.DripRatePerMinute,
        DeliveryWindowJson.From(b.Schedule.DeliveryWindow), b.From, b.Body, b.TemplateName, b.MediaUrls, b.Encoding,
        b.SegmentsPerMessage, b.RecipientCount, b.InvalidCount, b.DuplicateCount, b.EstimatedCredits, b.HeldCredits,
        b.SpentCredits, b.RefundedCredits, b.RequiresApproval, b.ApprovedAt, b.CreatedAt, b.StartedAt, b.CompletedAt,
        b.DrSummary, b.Breakdown, b.Runs, b.UpcomingRuns, b.ReplyCount, b.ValidityMinutes, b.FailureReason, b.Route,
        b.SmartEncoding, b.ListIds, b.SmartListSlug, b.TrackLinks, b.Clicks);

    /// <summary>A dry run's answer: the priced object, with no id and status <c>dry_run</c>, since nothing was stored.</summary>
    public static BroadcastJson DryRunOf(BroadcastView b) => Of(b) with { Id = null, Status = "dry_run" };
}

/// <summary>Quiet hours as <c>{"start":"09:00","end":"20:00"}</c>.</summary>
internal sealed record DeliveryWindowJson(string Start, string End)
{
    public static DeliveryWindowJson? From(DeliveryWindow? window) => window is null
        ? null
        : new(window.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            window.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}
