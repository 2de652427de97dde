using System.Text.RegularExpressions;

namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// What of a span may leave the process: phone numbers do not. They reach spans through URL paths
/// (<c>/v1/opt-outs/+14155550100</c>, contacts by phone), queries, and grain ids keyed by E.164 sender names. Any run of
/// 6 or more digits, with a leading <c>+</c> or its escape <c>%2B</c>, becomes <see cref="Placeholder"/>: shorter runs
/// (ports, status codes, page sizes) stay readable, and no phone number is that short.
/// </summary>
internal static partial class TraceRedaction
{
    public const string Placeholder = "{redacted}";

    /// <summary>Tags whose value is free text (an exception's message or stack): dropped whole, as they may quote a
    /// message body or a recipient.</summary>
    static readonly HashSet<string> FreeTextTags = new(StringComparer.Ordinal)
    {
        "exception.message", "exception.stacktrace", "error.message", "otel.status_description",
    };

    public static string Redact(string value) => PhoneLike().Replace(value, Placeholder);

    /// <summary>The value to export for tag <paramref name="key"/>; null to drop the tag.</summary>
    public static string? RedactTag(string key, string value) => FreeTextTags.Contains(key) ? null : Redact(value);

    [GeneratedRegex(@"(?:\+|%2[Bb])?\d{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();
}
