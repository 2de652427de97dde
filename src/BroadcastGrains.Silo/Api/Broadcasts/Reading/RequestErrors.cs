using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// The refusals a request body can earn before any domain rule runs. Messages name the field in its JSON spelling
/// and never quote a phone number back (they end up in logs), only a recipient's position.
/// </summary>
internal static class RequestErrors
{
    /// <summary>A field of the wrong JSON type or shape.</summary>
    public static BroadcastError Validation(string field, string message) =>
        BroadcastError.Field(ErrorCodes.ValidationFailed, field, message);

    /// <summary>A field of the wrong type, described by what it should have been.</summary>
    public static BroadcastError WrongType(string field, string expected) =>
        Validation(field, $"'{field}' must be {expected}.");

    /// <summary>A recipient that is neither a string nor an object with a string <c>to</c>.</summary>
    public static BroadcastError Recipient(int index) => Validation(
        $"recipients[{index}]",
        $"Recipient {index} must be a phone number string or an object with a string 'to'.");

    /// <summary>A recipient string no phone number could be, refused before it is kept.</summary>
    public static BroadcastError RecipientTooLong(int index) => Validation(
        $"recipients[{index}]",
        $"Recipient {index} is longer than {RequestLimits.MaxRecipientLength} characters.");

    /// <summary>More inline recipients than API.md allows.</summary>
    public static BroadcastError TooManyRecipients() => BroadcastError.Field(
        ErrorCodes.TooManyRecipients,
        "recipients",
        $"A broadcast takes at most {RecipientColumns.MaxRecipients:N0} inline recipients; use contact lists beyond that.");

    /// <summary>More distinct variable names than API.md allows in one request or upload.</summary>
    public static BroadcastError TooManyVariables() => BroadcastError.Field(
        ErrorCodes.TooManyVariables,
        "variables",
        $"A request takes at most {RequestLimits.MaxVariableNames} distinct variable names.");

    /// <summary>A string longer than its field allows, refused before it is kept.</summary>
    public static BroadcastError TooLong(string field, int max, string code = ErrorCodes.ValidationFailed) =>
        BroadcastError.Field(code, field, $"'{field}' is longer than {max} characters.");

    /// <summary>Nothing was sent.</summary>
    public static BroadcastError EmptyBody() =>
        new(ErrorCodes.InvalidJson, "The request body is empty; a JSON object was expected.");

    /// <summary>Valid JSON, but not the object the endpoint takes.</summary>
    public static BroadcastError NotAnObject(JsonTokenType found) =>
        new(ErrorCodes.InvalidJson, $"The request body must be a JSON object, not {Describe(found)}.");

    /// <summary>
    /// Malformed JSON, located for a human: the reader counts lines and bytes from 0, people from 1, and the
    /// reader's own wording is kept for the reason but without its position suffix.
    /// </summary>
    public static BroadcastError InvalidJson(JsonException exception)
    {
        var reason = exception.Message;
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }
        var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $" at line {line + 1}, byte {position + 1}"
            : string.Empty;
        return new BroadcastError(ErrorCodes.InvalidJson, $"The request body is not valid JSON{where}: {reason}");
    }

    /// <summary>A string that is not UTF-8, located by the byte where its token starts.</summary>
    public static BroadcastError InvalidUtf8(long tokenStart) => new(
        ErrorCodes.InvalidJson,
        $"The request body is not valid JSON: the string at byte {tokenStart + 1} is not valid UTF-8.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
