using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Silo.OpenApi.Schemas;

/// <summary>
/// The body of <c>POST /v1/broadcasts</c> and <c>/precheck</c>, for the OpenAPI document only: the endpoint reads the
/// body itself (streaming up to 256 MB), so the framework cannot infer it.
/// </summary>
[Description("A broadcast: one message (or template) to up to 2,000,000 recipients.")]
internal sealed class CreateBroadcastBody
{
    [Required, MaxLength(200), Description("A name for people.")]
    public required string Name { get; init; }

    [Required, Description("The `name` of an approved sender of the client (alphanumeric ≤ 11 characters, or E.164).")]
    public required string From { get; init; }

    [MaxLength(1600), Description("The text, with `{{var}}` placeholders; one of `body` / `templateName`.")]
    public string? Body { get; init; }

    [Description("An approved template of the client; one of `body` / `templateName`.")]
    public string? TemplateName { get; init; }

    [MaxLength(10), Description("Present → MMS.")]
    public IReadOnlyList<string>? MediaUrls { get; init; }

    [Description("Numbers (`\"+14155550100\"`) or `{to, variables}` objects; ≤ 2,000,000; one of `recipients` / `listIds`.")]
    public IReadOnlyList<RecipientItem>? Recipients { get; init; }

    [Description("Contact lists, merged and de-duplicated; one of `recipients` / `listIds`.")]
    public IReadOnlyList<string>? ListIds { get; init; }

    [Description("ISO 3166 alpha-2: lets national numbers (`0812345678`) be normalised to E.164.")]
    public string? DefaultRegion { get; init; }

    [Description("A route code of the routing table: every recipient goes through it (its filters ignored); unknown → 422 `ROUTE_NOT_FOUND`.")]
    public string? Route { get; init; }

    [Description("Inline recipients only, compared after E.164 normalisation; default `reject` (400 `DUPLICATE_RECIPIENTS`).")]
    public DuplicatePolicyName? OnDuplicate { get; init; }

    [Description("Default `now`.")]
    public ScheduleModeName? ScheduleMode { get; init; }

    [Description("Required for `scheduled`; DTSTART of `recurring`; start of `drip`. In the future, at most a year ahead.")]
    public DateTimeOffset? ScheduledAt { get; init; }

    [Description("RFC 5545 RRULE, required for `recurring`.")]
    public string? RecurrenceRule { get; init; }

    [Description("IANA id for `recurrenceRule` and `deliveryWindow`; default `UTC`.")]
    public string? Timezone { get; init; }

    [Range(1, 60000), Description("Required for `drip`.")]
    public int? DripRatePerMinute { get; init; }

    [Description("Quiet hours: nothing is sent outside it (in `timezone`).")]
    public DeliveryWindowBody? DeliveryWindow { get; init; }

    [Description("After this, an undelivered message is final `expired`; default 2880.")]
    public int? ValidityMinutes { get; init; }

    [Description("Validate and price only; nothing is stored, held or sent. Answers 200.")]
    public bool? DryRun { get; init; }

    [Description("Send look-alike characters (curly quotes, long dashes, …, odd spaces) as their GSM-7 forms; segments are counted after. Default false.")]
    public bool? SmartEncoding { get; init; }

    [Description("Send each `http(s)://` link of the body as a short tracking link `{Broadcast__Links__BaseUrl}/l/{code}`; segments are counted after. Default false.")]
    public bool? TrackLinks { get; init; }
}
