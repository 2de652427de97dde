using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Reads the create's request-level <c>variables</c>: an object of values for placeholders a recipient lacks. The
/// limits that hold for a recipient's variables hold here (names ≤64 characters, values ≤500, at most 50 names),
/// and values are read as they are there: strings, numbers and booleans as text, <c>null</c> as absent.
/// </summary>
internal static class RequestVariablesReader
{
    const string Field = "variables";

    public static BroadcastError? Read(ref Utf8JsonReader reader, out IReadOnlyDictionary<string, string>? values)
    {
        values = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return RequestErrors.WrongType(Field, "an object of strings");
        }
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (name.Length > RequestLimits.MaxVariableNameLength)
            {
                return RequestErrors.Validation(Field, $"A variable name is longer than {RequestLimits.MaxVariableNameLength} characters.");
            }
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return RequestErrors.Validation($"{Field}.{name}", $"Variable '{name}' must be a string.");
            }
            // A char takes at most six raw bytes, so a longer token is over the limit unread.
            if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > RequestLimits.MaxVariableValueLength * 6)
            {
                return TooLong(name);
            }
            string? value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence
                    ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                JsonTokenType.Null => null,
                _ => null,
            };
            if (value is null)
            {
                continue;
            }
            if (value.Length > RequestLimits.MaxVariableValueLength)
            {
                return TooLong(name);
            }
            read[name] = value;
            if (read.Count > RequestLimits.MaxVariableNames)
            {
                return RequestErrors.TooManyVariables();
            }
        }
        values = read;
        return null;
    }

    /// <summary>
    /// <c>TOO_MANY_VARIABLES</c> when the request's names and the recipients' together are over the limit: the
    /// limit is on distinct names in one request, wherever they are given.
    /// </summary>
    public static BroadcastError? CheckDistinct(IReadOnlyDictionary<string, string>? values, VariableTable recipients)
    {
        if (values is null)
        {
            return null;
        }
        var distinct = recipients.Names.Length + values.Keys.Count(name => Array.IndexOf(recipients.Names, name) < 0);
        return distinct > RequestLimits.MaxVariableNames ? RequestErrors.TooManyVariables() : null;
    }

    static BroadcastError TooLong(string name) => RequestErrors.Validation($"{Field}.{name}",
        $"Variable '{name}' is longer than {RequestLimits.MaxVariableValueLength} characters.");
}
