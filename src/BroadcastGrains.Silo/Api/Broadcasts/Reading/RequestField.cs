using System.Text.Json;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>The top-level properties of the create body that the reader knows; anything else is skipped.</summary>
internal enum RequestField
{
    Unknown,
    Name,
    From,
    Body,
    TemplateName,
    MediaUrls,
    Recipients,
    ListIds,
    SmartListSlug,
    DefaultRegion,
    OnDuplicate,
    ScheduleMode,
    ScheduledAt,
    RecurrenceRule,
    Timezone,
    DripRatePerMinute,
    DeliveryWindow,
    ValidityMinutes,
    DryRun,
    Route,
    SmartEncoding,
    Variables,
    TrackLinks,
}

/// <summary>Matches property names to <see cref="RequestField"/>, case-sensitively as camelCase JSON is written.</summary>
internal static class RequestFields
{
    /// <summary>
    /// The field named by the reader's current property name. Compared on the raw bytes (escapes included), so the
    /// name is never turned into a string.
    /// </summary>
    public static RequestField Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("name"u8) ? RequestField.Name
        : reader.ValueTextEquals("from"u8) ? RequestField.From
        : reader.ValueTextEquals("body"u8) ? RequestField.Body
        : reader.ValueTextEquals("templateName"u8) ? RequestField.TemplateName
        : reader.ValueTextEquals("mediaUrls"u8) ? RequestField.MediaUrls
        : reader.ValueTextEquals("recipients"u8) ? RequestField.Recipients
        : reader.ValueTextEquals("listIds"u8) ? RequestField.ListIds
        : reader.ValueTextEquals("smartListSlug"u8) ? RequestField.SmartListSlug
        : reader.ValueTextEquals("defaultRegion"u8) ? RequestField.DefaultRegion
        : reader.ValueTextEquals("route"u8) ? RequestField.Route
        : reader.ValueTextEquals("onDuplicate"u8) ? RequestField.OnDuplicate
        : reader.ValueTextEquals("scheduleMode"u8) ? RequestField.ScheduleMode
        : reader.ValueTextEquals("scheduledAt"u8) ? RequestField.ScheduledAt
        : reader.ValueTextEquals("recurrenceRule"u8) ? RequestField.RecurrenceRule
        : reader.ValueTextEquals("timezone"u8) ? RequestField.Timezone
        : reader.ValueTextEquals("dripRatePerMinute"u8) ? RequestField.DripRatePerMinute
        : reader.ValueTextEquals("deliveryWindow"u8) ? RequestField.DeliveryWindow
        : reader.ValueTextEquals("validityMinutes"u8) ? RequestField.ValidityMinutes
        : reader.ValueTextEquals("dryRun"u8) ? RequestField.DryRun
        : reader.ValueTextEquals("smartEncoding"u8) ? RequestField.SmartEncoding
        : reader.ValueTextEquals("variables"u8) ? RequestField.Variables
        : reader.ValueTextEquals("trackLinks"u8) ? RequestField.TrackLinks
        : RequestField.Unknown;

    /// <summary>The field's JSON name, as error messages and the <c>errors</c> keys spell it.</summary>
    public static string JsonName(this RequestField field) =>
        field == RequestField.Unknown ? string.Empty : JsonNamingPolicy.CamelCase.ConvertName(field.ToString());
}
