using BroadcastGrains.Messages;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Each recipient's rendered message must fit API.md's 1,600 characters: a long variable value would otherwise make
/// a message of hundreds of parts that cannot be joined (over 255) or priced honestly. Measured from the variables
/// table without rendering, over the recipients that have variables only (one without cannot render at all and is
/// the planner's <c>MISSING_VARIABLE</c>).
/// </summary>
internal static class RenderedLengthRule
{
    public const int MaxRenderedLength = BroadcastValidator.MaxBodyLength;
    const int IndexSample = 10;

    /// <summary><c>BODY_TOO_LONG</c> naming up to 10 recipient indexes (as given) whose message is too long, or null.</summary>
    public static BroadcastError? Check(string? body, VariableTable variables)
    {
        if (body is null || variables.RowCount == 0)
        {
            return null;
        }
        var template = MessageTemplate.Parse(body);
        if (!template.HasVariables)
        {
            // The body as written is every message, and the validator checked its length.
            return null;
        }
        var renderer = new VariableRenderer(template, variables);
        var offending = new List<string>(IndexSample);
        var count = 0;
        foreach (var recipient in variables.Recipients)
        {
            if (renderer.TryMeasure(recipient, out var length, out _) && length > MaxRenderedLength)
            {
                count++;
                if (offending.Count < IndexSample)
                {
                    offending.Add(recipient.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        return count == 0
            ? null
            : new BroadcastError(ErrorCodes.BodyTooLong,
                $"{count} recipients' rendered messages are over {MaxRenderedLength} characters",
                new Dictionary<string, string[]> { ["recipients"] = [.. offending] });
    }
}
