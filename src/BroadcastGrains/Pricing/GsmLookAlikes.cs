using System.Buffers;
using System.Text;

namespace BroadcastGrains.Pricing;

/// <summary>
/// API.md's <c>smartEncoding</c>: characters that word processors and phones put in place of plain ones (curly quotes,
/// long dashes, the ellipsis, non-breaking and other odd spaces, invisible joiners) become their GSM-7 look-alikes,
/// so a pasted text is billed at 153–160 characters a part instead of 67–70. Applied to the rendered message before
/// segments are counted and again at send; the stored body stays as written.
/// </summary>
public static class GsmLookAlikes
{
    // Every character the table below maps, for a vectorised "is there anything to do" search.
    static readonly SearchValues<char> Mapped = SearchValues.Create(
        "\u2018\u2019\u201A\u201B\u2032\u02BC\u00B4`" // single quotes, prime, modifier apostrophe, acute, backtick
        + "\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB" // double quotes, double prime, guillemets
        + "\u2039\u203A" // single guillemets
        + "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2022" // hyphens, dashes, minus, bullet
        + "\u2026" // ellipsis
        + "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t" // spaces
        + "\u200B\u200C\u200D\u2060\uFEFF\u00AD" // invisible: zero-width space, joiners, word joiner, BOM, soft hyphen
        + "\u2028\u2029"); // line and paragraph separators

    /// <summary>
    /// <paramref name="text"/> with look-alikes replaced, when that makes it GSM-7; otherwise <paramref name="text"/>
    /// itself (the same instance). A text that stays UCS-2 anyway (an emoji, a non-Latin script) is sent as written,
    /// because replacing would only lengthen it (the ellipsis is one UCS-2 unit but three dots).
    /// </summary>
    public static string Apply(string text)
    {
        var first = text.AsSpan().IndexOfAny(Mapped);
        if (first < 0)
        {
            return text;
        }
        var replaced = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            AppendReplacement(replaced, text[i]);
        }
        var result = replaced.ToString();
        return SegmentCounter.IsGsm7(result) ? result : text;
    }

    /// <summary>The plain form of one character: itself when it has no look-alike.</summary>
    static void AppendReplacement(StringBuilder to, char c)
    {
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u00B4' or '`':
                to.Append('\'');
                break;
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                to.Append('"');
                break;
            case '\u2039':
                to.Append('<');
                break;
            case '\u203A':
                to.Append('>');
                break;
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u2022':
                to.Append('-');
                break;
            case '\u2026':
                to.Append("...");
                break;
            case '\u2028' or '\u2029':
                to.Append('\n');
                break;
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                break; // invisible: dropped
            case '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' or '\t':
                to.Append(' ');
                break;
            default:
                to.Append(c);
                break;
        }
    }
}
