namespace BroadcastGrains.PhoneNumbers;

/// <summary>
/// A parsed national-number pattern of libphonenumber's metadata. The metadata writes its patterns in a small subset
/// of regular expressions over digits: digits, classes such as <c>[2-9]</c>, groups <c>(?:…)</c>, alternation and the
/// quantifiers <c>?</c>, <c>{n}</c> and <c>{n,m}</c> (<c>\d</c>, <c>*</c> and <c>+</c> are read too). Anything else
/// is refused with <see cref="FormatException"/>, and its calling code is then judged by libphonenumber itself.
/// </summary>
internal abstract record DigitPattern
{
    /// <summary>Any single digit whose bit (1 &lt;&lt; digit) is set in <paramref name="Digits"/>.</summary>
    public sealed record OneOf(int Digits) : DigitPattern;

    public sealed record Sequence(IReadOnlyList<DigitPattern> Parts) : DigitPattern;

    public sealed record Either(IReadOnlyList<DigitPattern> Choices) : DigitPattern;

    /// <summary><paramref name="Part"/> at least <paramref name="Min"/> times, at most <paramref name="Max"/> (-1: no limit).</summary>
    public sealed record Repeat(DigitPattern Part, int Min, int Max) : DigitPattern;

    const int AllDigits = 0x3FF;

    public static DigitPattern Parse(string pattern)
    {
        var position = 0;
        var parsed = ParseEither(pattern, ref position);
        return position == pattern.Length ? parsed : throw Unsupported(pattern, position);
    }

    static DigitPattern ParseEither(string text, ref int at)
    {
        var choices = new List<DigitPattern> { ParseSequence(text, ref at) };
        while (at < text.Length && text[at] == '|')
        {
            at++;
            choices.Add(ParseSequence(text, ref at));
        }
        return choices.Count == 1 ? choices[0] : new Either(choices);
    }

    static DigitPattern ParseSequence(string text, ref int at)
    {
        var parts = new List<DigitPattern>();
        while (at < text.Length && text[at] is not ('|' or ')'))
        {
            parts.Add(ParseQuantifier(text, ref at, ParseAtom(text, ref at)));
        }
        return parts.Count == 1 ? parts[0] : new Sequence(parts);
    }

    static DigitPattern ParseAtom(string text, ref int at)
    {
        var c = text[at];
        if (c is >= '0' and <= '9')
        {
            at++;
            return new OneOf(1 << (c - '0'));
        }
        if (c == '\\' && at + 1 < text.Length && text[at + 1] == 'd')
        {
            at += 2;
            return new OneOf(AllDigits);
        }
        if (c == '[')
        {
            return ParseClass(text, ref at);
        }
        if (c == '(')
        {
            // Groups only group here: whether they capture does not change what matches.
            at += text.AsSpan(at).StartsWith("(?:", StringComparison.Ordinal) ? 3 : 1;
            var inner = ParseEither(text, ref at);
            Expect(text, ref at, ')');
            return inner;
        }
        throw Unsupported(text, at);
    }

    static DigitPattern ParseClass(string text, ref int at)
    {
        at++; // '['
        var digits = 0;
        while (at < text.Length && text[at] != ']')
        {
            var from = Digit(text, at);
            var to = from;
            if (at + 2 < text.Length && text[at + 1] == '-' && text[at + 2] != ']')
            {
                to = Digit(text, at + 2);
                at += 2;
            }
            for (var d = from; d <= to; d++)
            {
                digits |= 1 << d;
            }
            at++;
        }
        Expect(text, ref at, ']');
        return new OneOf(digits);
    }

    static DigitPattern ParseQuantifier(string text, ref int at, DigitPattern atom)
    {
        if (at >= text.Length)
        {
            return atom;
        }
        switch (text[at])
        {
            case '?':
                at++;
                return new Repeat(atom, 0, 1);
            case '*':
                at++;
                return new Repeat(atom, 0, -1);
            case '+':
                at++;
                return new Repeat(atom, 1, -1);
            case '{':
                var close = text.IndexOf('}', at);
                var bounds = close < 0 ? throw Unsupported(text, at) : text[(at + 1)..close].Split(',');
                var min = int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture);
                var max = bounds.Length == 1 ? min
                    : bounds[1].Length == 0 ? -1 : int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture);
                at = close + 1;
                return new Repeat(atom, min, max);
            default:
                return atom;
        }
    }

    static int Digit(string text, int at) =>
        text[at] is >= '0' and <= '9' ? text[at] - '0' : throw Unsupported(text, at);

    static void Expect(string text, ref int at, char expected)
    {
        if (at >= text.Length || text[at] != expected)
        {
            throw Unsupported(text, at);
        }
        at++;
    }

    static FormatException Unsupported(string text, int at) =>
        new($"'{text}' is not in the pattern subset read here (at {at}).");
}
