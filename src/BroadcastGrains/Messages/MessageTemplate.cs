namespace BroadcastGrains.Messages;

/// <summary>
/// A message body with <c>{{name}}</c> placeholders, parsed once per broadcast and rendered once per recipient.
/// Names are <c>[A-Za-z0-9_.-]+</c>, may be padded with whitespace inside the braces (<c>{{ first_name }}</c>) and
/// match a recipient's variables ordinally. Braces that do not form a placeholder are kept as text, so a body such as
/// <c>"Use code {{X-1"</c> or <c>"{json}"</c> is sent as written rather than rejected.
/// </summary>
public sealed class MessageTemplate
{
    // The body cut into pieces: literal text (Variable == -1) or a placeholder (index into VariableNames).
    readonly (int Start, int Length, int Variable)[] _pieces;
    readonly int _literalLength;

    MessageTemplate(string body, (int, int, int)[] pieces, string[] variableNames, int literalLength)
    {
        Body = body;
        _pieces = pieces;
        VariableNames = variableNames;
        _literalLength = literalLength;
    }

    /// <summary>The text as written, placeholders included.</summary>
    public string Body { get; }

    /// <summary>Distinct placeholder names in order of first use.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>The body cut into pieces: literal text (Variable == -1) or a placeholder (index into VariableNames).</summary>
    internal ReadOnlySpan<(int Start, int Length, int Variable)> Pieces => _pieces;

    /// <summary>Characters of the body outside placeholders.</summary>
    internal int LiteralLength => _literalLength;

    /// <summary>True when the text depends on the recipient; false: every recipient gets <see cref="Body"/>.</summary>
    public bool HasVariables => VariableNames.Count > 0;

    /// <summary>Finds the placeholders of <paramref name="body"/>. Never fails: the rest is text.</summary>
    public static MessageTemplate Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pieces = new List<(int, int, int)>();
        var names = new List<string>();
        var literalStart = 0;
        var literalLength = 0;
        var at = body.IndexOf("{{", StringComparison.Ordinal);
        while (at >= 0)
        {
            if (TryReadPlaceholder(body, at, out var nameStart, out var nameLength, out var end))
            {
                if (at > literalStart)
                {
                    pieces.Add((literalStart, at - literalStart, -1));
                    literalLength += at - literalStart;
                }

                var name = body.Substring(nameStart, nameLength);
                var index = names.IndexOf(name);
                if (index < 0)
                {
                    index = names.Count;
                    names.Add(name);
                }

                pieces.Add((at, end - at, index));
                literalStart = end;
                at = body.IndexOf("{{", end, StringComparison.Ordinal);
            }
            else
            {
                // Step one brace only, so "{{{name}}}" still finds the placeholder behind a literal '{'.
                at = body.IndexOf("{{", at + 1, StringComparison.Ordinal);
            }
        }

        if (literalStart < body.Length)
        {
            pieces.Add((literalStart, body.Length - literalStart, -1));
            literalLength += body.Length - literalStart;
        }

        return new MessageTemplate(body, [.. pieces], [.. names], literalLength);
    }

    /// <summary>
    /// Renders the body for one recipient whose variables are <paramref name="names"/> with the parallel
    /// <paramref name="values"/> (a null value, or no values at all, means the variable is absent; an empty string is
    /// a value). False with the first placeholder the recipient has no value for, which the caller reports as
    /// <c>MISSING_VARIABLE</c>. Without placeholders this returns <see cref="Body"/> itself, so a 2,000,000-recipient
    /// broadcast of one text holds one string.
    /// </summary>
    public bool TryRender(
        IReadOnlyList<string> names, IReadOnlyList<string?>? values, out string text, out string? missingVariable)
    {
        ArgumentNullException.ThrowIfNull(names);
        missingVariable = null;
        if (!HasVariables)
        {
            text = Body;
            return true;
        }

        // Resolve every placeholder before building anything, so a recipient with a missing value costs no string.
        var resolved = new string[VariableNames.Count];
        var length = _literalLength;
        for (var v = 0; v < resolved.Length; v++)
        {
            var value = ValueOf(VariableNames[v], names, values);
            if (value is null)
            {
                text = string.Empty;
                missingVariable = VariableNames[v];
                return false;
            }

            resolved[v] = value;
        }

        foreach (var (_, _, variable) in _pieces)
        {
            length += variable >= 0 ? resolved[variable].Length : 0;
        }

        text = string.Create(length, (this, resolved), static (span, state) =>
        {
            var (template, resolved) = state;
            foreach (var (start, pieceLength, variable) in template._pieces)
            {
                var piece = variable >= 0 ? resolved[variable].AsSpan() : template.Body.AsSpan(start, pieceLength);
                piece.CopyTo(span);
                span = span[piece.Length..];
            }
        });
        return true;
    }

    static string? ValueOf(string name, IReadOnlyList<string> names, IReadOnlyList<string?>? values)
    {
        // Recipients carry a handful of variables, so a scan beats building a dictionary per recipient.
        if (values is null)
        {
            return null;
        }

        var count = Math.Min(names.Count, values.Count);
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return values[i];
            }
        }

        return null;
    }

    static bool TryReadPlaceholder(string body, int open, out int nameStart, out int nameLength, out int end)
    {
        var i = SkipWhitespace(body, open + 2);
        nameStart = i;
        while (i < body.Length && IsNameChar(body[i]))
        {
            i++;
        }

        nameLength = i - nameStart;
        i = SkipWhitespace(body, i);
        end = i + 2;
        return nameLength > 0 && body.AsSpan(i).StartsWith("}}", StringComparison.Ordinal);
    }

    static int SkipWhitespace(string body, int i)
    {
        while (i < body.Length && char.IsWhiteSpace(body[i]))
        {
            i++;
        }

        return i;
    }

    static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
}
