using System.Text.RegularExpressions;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary>
/// The endpoints the repository's own reference lists (<c>docs/api.md</c>): every
/// <c>`METHOD /path`</c> in a code span or heading, <c>POST/GET</c> meaning both, and a following <c>`/resume`</c> in the
/// same table cell meaning the sibling path. Parameters compare as <c>{}</c> and queries are dropped.
/// </summary>
internal static partial class ApiContract
{
    public static string Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BroadcastGrains.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "docs", "api.md");
            }
        }
        throw new DirectoryNotFoundException("No BroadcastGrains.sln above the test assembly.");
    }

    /// <summary>"METHOD /normalised/path" for every endpoint of the reference.</summary>
    public static SortedSet<string> Endpoints(string markdown)
    {
        var endpoints = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in markdown.Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                Add(endpoints, heading.Groups["methods"].Value, heading.Groups["path"].Value);
                continue;
            }
            (string Methods, string Path)? last = null;
            var lastEnd = 0;
            foreach (Match span in CodeSpan().Matches(line))
            {
                var text = span.Groups[1].Value.Trim();
                if (Endpoint().Match(text) is { Success: true } endpoint)
                {
                    last = (endpoint.Groups["methods"].Value, endpoint.Groups["path"].Value);
                    Add(endpoints, last.Value.Methods, last.Value.Path);
                }
                else if (last is { } previous && Sibling().IsMatch(text) && line[lastEnd..span.Index].Trim() is "," or "" or "and")
                {
                    Add(endpoints, previous.Methods, previous.Path[..previous.Path.LastIndexOf('/')] + text);
                }
                lastEnd = span.Index + span.Length;
            }
        }
        return endpoints;
    }

    public static string Normalize(string path) => Parameter().Replace("/" + path.Split('?')[0].Trim('/'), "{}");

    static void Add(SortedSet<string> endpoints, string methods, string path)
    {
        foreach (var method in methods.Split('/'))
        {
            endpoints.Add($"{method} {Normalize(path)}");
        }
    }

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(?<methods>(?:GET|POST|PUT|PATCH|DELETE)(?:/(?:GET|POST|PUT|PATCH|DELETE))*) (?<path>/\S*)$")]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"^#+\s+(?<methods>GET|POST|PUT|PATCH|DELETE) (?<path>/\S*)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^/[A-Za-z0-9_-]+$")]
    private static partial Regex Sibling();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
