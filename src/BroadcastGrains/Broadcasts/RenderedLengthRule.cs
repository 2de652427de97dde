using System.Globalization;
using BroadcastGrains.Messages;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Each recipient's rendered message must fit API.md's 1,600 characters: a long variable value, a long request-level
/// value or fallback, or a keyword prefix would otherwise make a message of hundreds of parts that cannot be joined
/// (over 255) or priced honestly. Measured without rendering: per row for the recipients with variables, once for
/// all those without (they render alike). One that cannot render at all is the planner's <c>MISSING_VARIABLE</c>.
/// </summary>
internal static class RenderedLengthRule
{
    public const int MaxRenderedLength = BroadcastValidator.MaxBodyLength;
    const int IndexSample = 10;

    /// <summary>
    /// <c>BODY_TOO_LONG</c> naming up to 10 recipient indexes (as given) whose message is too long, or null.
    /// <paramref name="recipientCount"/> (when known) lets the recipients without a row be checked too.
    /// </summary>
    public static BroadcastError? Check(string? body, VariableTable variables,
        IReadOnlyDictionary<string, string>? requestValues = null, int recipientCount = -1)
    {
        if (body is null)
        {
            return null;
        }
        var template = MessageTemplate.Parse(body);
        if (!template.HasVariables)
        {
            // Every message is the body; only a keyword prefix can have taken it past what the validator checked.
            return body.Length <= MaxRenderedLength ? null
                : BroadcastError.Field(ErrorCodes.BodyTooLong, "body",
                    $"the message has {body.Length} characters with its keyword; at most {MaxRenderedLength}");
        }
        var renderer = new VariableRenderer(template, variables, requestValues);
        var offending = new List<string>(IndexSample);
        var count = 0;
        foreach (var recipient in variables.Recipients)
        {
            if (renderer.TryMeasure(recipient, out var length, out _) && length > MaxRenderedLength)
            {
                Count(recipient);
            }
        }
        if (recipientCount > variables.RowCount
            && renderer.TryMeasure(FirstWithoutRow(variables, recipientCount), out var plain, out _)
            && plain > MaxRenderedLength)
        {
            for (var recipient = 0; recipient < recipientCount; recipient++)
            {
                if (variables.RowOf(recipient) < 0)
                {
                    Count(recipient);
                }
            }
        }
        return count == 0
            ? null
            : new BroadcastError(ErrorCodes.BodyTooLong,
                $"{count} recipients' rendered messages are over {MaxRenderedLength} characters",
                new Dictionary<string, string[]> { ["recipients"] = [.. offending] });

        void Count(int recipient)
        {
            count++;
            if (offending.Count < IndexSample)
            {
                offending.Add(recipient.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    static int FirstWithoutRow(VariableTable variables, int recipientCount)
    {
        // Rows are ascending, so the first gap in them is the first recipient without one.
        var recipient = 0;
        while (recipient < recipientCount && recipient < variables.RowCount && variables.Recipients[recipient] == recipient)
        {
            recipient++;
        }
        return recipient;
    }
}
