using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Typed reads of one field's value, the reader standing on it. Each returns the refusal or null, and reads JSON
/// <c>null</c> as absent; they check JSON types only, because lengths and ranges are the grain's rules.
/// </summary>
internal static class JsonFields
{
    /// <summary>A string, or absent.</summary>
    public static BroadcastError? ReadString(ref Utf8JsonReader reader, string field, out string? value)
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
        value = reader.GetString();
        return null;
    }

    /// <summary>An array of strings, or absent; a bad item is named by its position.</summary>
    public static BroadcastError? ReadStringList(ref Utf8JsonReader reader, string field, out IReadOnlyList<string>? value)
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
            items.Add(reader.GetString()!);
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
