using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Reads the <c>recipients</c> array: items are <c>"+14155550100"</c> or
/// <c>{"to":"+14155550100","variables":{…}}</c>, in any mix, into <see cref="RecipientColumns"/>.
/// </summary>
internal static class RecipientsReader
{
    // Room for the longest recipient string and variable name, each char escaped, so neither needs a string to be read.
    private const int ScratchChars = RequestLimits.MaxVariableNameLength * 6;

    /// <summary>
    /// Reads the array at the reader's current token. Stops at the first recipient past the limit, so an
    /// oversized request costs no memory for its excess.
    /// </summary>
    public static BroadcastError? Read(ref Utf8JsonReader reader, RecipientColumns columns)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return RequestErrors.WrongType("recipients", "an array of phone numbers or {\"to\", \"variables\"} objects");
        }

        Span<char> scratch = stackalloc char[Math.Max(ScratchChars, RecipientColumns.TextScratchChars)];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var index = columns.Count;
            if (index == RecipientColumns.MaxRecipients)
            {
                return RequestErrors.TooManyRecipients();
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                if (!columns.TryAddString(ref reader, scratch))
                {
                    return RequestErrors.RecipientTooLong(index);
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                var error = ReadObject(ref reader, columns, index, scratch);
                if (error is not null)
                {
                    return error;
                }
            }
            else
            {
                return RequestErrors.Recipient(index);
            }
        }
        return null;
    }

    private static BroadcastError? ReadObject(
        ref Utf8JsonReader reader, RecipientColumns columns, int index, scoped Span<char> scratch)
    {
        var sawTo = false;
        var sawVariables = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("to"u8))
            {
                reader.Read();
                // A second "to" would add a second recipient under one index and shift every later one.
                if (sawTo || reader.TokenType != JsonTokenType.String)
                {
                    return RequestErrors.Recipient(index);
                }
                if (!columns.TryAddString(ref reader, scratch))
                {
                    return RequestErrors.RecipientTooLong(index);
                }
                sawTo = true;
            }
            else if (reader.ValueTextEquals("variables"u8))
            {
                reader.Read();
                var error = reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.StartObject when !sawVariables => columns.Variables.ReadRow(ref reader, index, scratch),
                    _ => RequestErrors.Validation(
                        $"recipients[{index}].variables",
                        $"The variables of recipient {index} must be one object of strings."),
                };
                if (error is not null)
                {
                    return error;
                }
                sawVariables = true;
            }
            else
            {
                reader.Skip();
            }
        }
        return sawTo ? null : RequestErrors.Recipient(index);
    }
}
