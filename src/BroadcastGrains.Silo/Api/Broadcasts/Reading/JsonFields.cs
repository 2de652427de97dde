using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Typed reads of one field's value, the reader standing on it. Each returns the refusal or null, and reads JSON
/// <c>null</c> as absent; they check JSON types and a ceiling on sizes only (so no field can take the body's
/// 256 MB), because the exact lengths and ranges are the grain's rules.
/// </summary>
internal static class JsonFields
{
    /// <summary>A string of at most <paramref name="maxChars"/>, or absent.</summary>
    public static BroadcastError? ReadString(ref Utf8JsonReader reader, string field, out string? value,
        int maxChars = RequestLimits.MaxFieldLength)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            return RequestErrors.WrongType(field, "a string");
        }
        // A char takes at most six raw bytes, so a longer token is over the limit unread.
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > (long)maxChars * 6)
        {
            return RequestErrors.TooLong(field, maxChars);
        }
        value = reader.GetString();
        return value!.Length > maxChars ? RequestErrors.TooLong(field, maxChars) : null;
    }

    /// <summary>
    /// An array of at most <paramref name="maxItems"/> strings of at most <paramref name="maxChars"/> each, or absent;
    /// a bad item is named by its position.
    /// </summary>
    public static BroadcastError? ReadStringList(ref Utf8JsonReader reader, string field, out IReadOnlyList<string>? value,
        int maxItems, int maxChars)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return RequestErrors.WrongType(field, "an array of strings");
        }
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return RequestErrors.Validation($"{field}[{items.Count}]", $"'{field}' must be an array of strings.");
            }
            if (items.Count == maxItems)
            {
                return RequestErrors.Validation(field, $"'{field}' takes at most {maxItems} items.");
            }
            var error = ReadString(ref reader, $"{field}[{items.Count}]", out var item, maxChars);
            if (error is not null)
            {
                return error;
            }
            items.Add(item!);
        }
        value = items.ToArray();
        return null;
    }

    /// <summary>A whole number that fits an int, or absent: <c>1.5</c>, <c>1e3</c> and <c>"60"</c> are refused.</summary>
    public static BroadcastError? ReadInt(ref Utf8JsonReader reader, string field, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
        {
            return RequestErrors.WrongType(field, "an integer");
        }
        value = number;
        return null;
    }

    /// <summary><c>true</c> or <c>false</c>, or absent.</summary>
    public static BroadcastError? ReadBool(ref Utf8JsonReader reader, string field, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is null && reader.TokenType != JsonTokenType.Null
            ? RequestErrors.WrongType(field, "true or false")
            : null;
    }

    /// <summary><c>reject</c> (also when absent) or <c>skip</c>, spelled as API.md does.</summary>
    public static BroadcastError? ReadDuplicatePolicy(ref Utf8JsonReader reader, string field, out DuplicatePolicy value)
    {
        var error = ReadString(ref reader, field, out var text);
        DuplicatePolicy? policy = text switch
        {
            null or "reject" => DuplicatePolicy.Reject,
            "skip" => DuplicatePolicy.Skip,
            _ => null,
        };
        value = policy ?? DuplicatePolicy.Reject;
        return error ?? (policy is null ? RequestErrors.WrongType(field, "reject or skip") : null);
    }
}
