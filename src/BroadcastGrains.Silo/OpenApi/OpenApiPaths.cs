using System.Text.RegularExpressions;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>Paths compared the way API.md writes them: a leading slash, no trailing one, any parameter as <c>{}</c>.</summary>
internal static partial class OpenApiPaths
{
    public static string Normalize(string path)
    {
        var trimmed = "/" + path.Trim('/');
        return Parameter().Replace(trimmed, "{}");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
