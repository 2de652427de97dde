using System.Text;
using System.Text.RegularExpressions;

namespace BroadcastGrains.Links;

/// <summary>Finds the <c>http(s)://</c> links of a text and puts short links in their place.</summary>
public static partial class LinkRewriter
{
    // A link runs to the next space or quote; punctuation that ends a sentence is not part of it.
    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // An array once, not per link: Rewrite runs for every recipient of a tracked broadcast as it is sent.
    static readonly char[] TrailingPunctuation = [.. ".,;:!?)]}"];

    /// <summary>The distinct links of <paramref name="body"/> in order of first appearance, at most <see cref="LinkCode.MaxLinks"/>.</summary>
    public static string[] Collect(string body)
    {
        var urls = new List<string>();
        foreach (Match match in Link().Matches(body))
        {
            var url = Trim(match.Value);
            if (!urls.Contains(url, StringComparer.Ordinal) && urls.Count < LinkCode.MaxLinks)
            {
                urls.Add(url);
            }
        }
        return [.. urls];
    }

    /// <summary>
    /// <paramref name="text"/> with every link that is one of <paramref name="links"/>' URLs replaced by its short
    /// link for recipient <paramref name="index"/>; other links (from a variable, or past the limit) stay as written.
    /// </summary>
    public static string Rewrite(string text, TrackedLinks links, int index)
    {
        if (links.Urls.Length == 0 || !text.Contains("://", StringComparison.Ordinal))
        {
            return text;
        }
        var rewritten = new StringBuilder(text.Length);
        var at = 0;
        foreach (Match match in Link().Matches(text))
        {
            var url = Trim(match.Value);
            var ordinal = Array.IndexOf(links.Urls, url);
            if (ordinal < 0)
            {
                continue;
            }
            rewritten.Append(text, at, match.Index - at).Append(links.ShortUrl(ordinal, index));
            at = match.Index + url.Length;
        }
        return at == 0 ? text : rewritten.Append(text, at, text.Length - at).ToString();
    }

    static string Trim(string url) => url.TrimEnd(TrailingPunctuation);
}
