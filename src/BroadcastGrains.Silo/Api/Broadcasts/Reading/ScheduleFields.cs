using System.Globalization;
using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Reads the schedule fields whose JSON shape needs more than a type check: the mode's names, an instant that must
/// carry its offset, and the quiet-hours window. Whether they make sense together is the grain's question.
/// </summary>
internal static class ScheduleFields
{
    /// <summary><c>now</c>, <c>draft</c>, <c>scheduled</c>, <c>recurring</c> or <c>drip</c>, spelled as API.md does.</summary>
    public static BroadcastError? ReadMode(ref Utf8JsonReader reader, out ScheduleMode? value)
    {
        var error = JsonFields.ReadString(ref reader, "scheduleMode", out var text);
        value = text switch
        {
            null => null,
            "now" => ScheduleMode.Now,
            "draft" => ScheduleMode.Draft,
            "scheduled" => ScheduleMode.Scheduled,
            "recurring" => ScheduleMode.Recurring,
            "drip" => ScheduleMode.Drip,
            _ => null,
        };
        return error ?? (text is not null && value is null
            ? RequestErrors.WrongType("scheduleMode", "one of now, draft, scheduled, recurring, drip")
            : null);
    }

    /// <summary>
    /// An ISO 8601 date and time with an offset (<c>Z</c> or <c>±hh:mm</c>). A time without one is refused rather
    /// than guessed: the server's zone is no one's intent.
    /// </summary>
    public static BroadcastError? ReadInstant(ref Utf8JsonReader reader, string field, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String
            || !HasOffset(reader.GetString()!)
            || !reader.TryGetDateTimeOffset(out var instant))
        {
            return RequestErrors.WrongType(field, "an ISO 8601 date and time with an offset, e.g. 2030-01-31T09:00:00Z");
        }
        value = instant;
        return null;
    }

    /// <summary><c>{"start":"09:00","end":"20:00"}</c>, both times required as 24-hour <c>HH:mm</c>.</summary>
    public static BroadcastError? ReadDeliveryWindow(ref Utf8JsonReader reader, out DeliveryWindow? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return RequestErrors.WrongType("deliveryWindow", "an object like {\"start\":\"09:00\",\"end\":\"20:00\"}");
        }
        TimeOnly? start = null;
        TimeOnly? end = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStart = reader.ValueTextEquals("start"u8);
            if (!isStart && !reader.ValueTextEquals("end"u8))
            {
                reader.Skip();
                continue;
            }
            reader.Read();
            var field = isStart ? "deliveryWindow.start" : "deliveryWindow.end";
            if (reader.TokenType != JsonTokenType.String
                || !TimeOnly.TryParseExact(reader.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return RequestErrors.WrongType(field, "a 24-hour time as HH:mm, e.g. 09:00");
            }
            if (isStart)
            {
                start = time;
            }
            else
            {
                end = time;
            }
        }
        if (start is null || end is null)
        {
            var missing = start is null ? "deliveryWindow.start" : "deliveryWindow.end";
            return RequestErrors.WrongType(missing, "a 24-hour time as HH:mm, e.g. 09:00");
        }
        value = new DeliveryWindow(start.Value, end.Value);
        return null;
    }

    private static bool HasOffset(string text)
    {
        // The date part has dashes of its own, so the offset is looked for only in the time part.
        var separator = text.IndexOf('T', StringComparison.Ordinal);
        if (separator < 0)
        {
            return false;
        }
        var time = text.AsSpan(separator + 1);
        return time.EndsWith('Z') || time.IndexOfAny('+', '-') >= 0;
    }
}
