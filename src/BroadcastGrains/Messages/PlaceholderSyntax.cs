namespace BroadcastGrains.Messages;

/// <summary>
/// Reads one placeholder: <c>{{ name }}</c> or <c>{{ name | fallback }}</c>. Names are <c>[A-Za-z0-9_.-]+</c>;
/// whitespace around the name and around the fallback is ignored; a fallback is any text without braces (possibly
/// empty), so <c>{{name|}}</c> renders nothing for a recipient without the value. Anything else is not a
/// placeholder and stays text.
/// </summary>
internal static class PlaceholderSyntax
{
    /// <summary>A placeholder read at <c>body[open]</c> (which is <c>{{</c>); <c>End</c> is just past its <c>}}</c>.</summary>
    public readonly record struct Placeholder(int NameStart, int NameLength, int FallbackStart, int FallbackLength, int End);

    public static bool TryRead(string body, int open, out Placeholder placeholder)
    {
        placeholder = default;
        var i = SkipWhitespace(body, open + 2);
        var nameStart = i;
        while (i < body.Length && IsNameChar(body[i]))
        {
            i++;
        }
        var nameLength = i - nameStart;
        i = SkipWhitespace(body, i);
        if (nameLength == 0)
        {
            return false;
        }
        var (fallbackStart, fallbackLength) = (-1, 0);
        if (i < body.Length && body[i] == '|')
        {
            var textStart = i + 1;
            var close = body.AsSpan(textStart).IndexOfAny('{', '}');
            if (close < 0)
            {
                return false;
            }
            i = textStart + close;
            var text = body.AsSpan(textStart, close);
            var trimmedStart = text.Length - text.TrimStart().Length;
            fallbackStart = textStart + trimmedStart;
            fallbackLength = text.Trim().Length;
        }
        if (!body.AsSpan(i).StartsWith("}}", StringComparison.Ordinal))
        {
            return false;
        }
        placeholder = new Placeholder(nameStart, nameLength, fallbackStart, fallbackLength, i + 2);
        return true;
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
