using System.Diagnostics;
using OpenTelemetry;

namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// Applies <see cref="TraceRedaction"/> to every span as it ends, before the exporter (registered after this processor)
/// sees it: the span's name, its string tags, and its status description, which may quote an exception.
/// </summary>
internal sealed class TraceRedactionProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        data.DisplayName = TraceRedaction.Redact(data.DisplayName);
        List<(string Key, string? Value)>? changes = null;
        foreach (var (key, value) in data.TagObjects)
        {
            if (value is string text && TraceRedaction.RedactTag(key, text) is var redacted && redacted != text)
            {
                (changes ??= []).Add((key, redacted));
            }
        }
        foreach (var (key, value) in changes ?? [])
        {
            // Setting null removes the tag.
            data.SetTag(key, value);
        }
        if (data.StatusDescription is not null)
        {
            data.SetStatus(data.Status, description: null);
        }
    }
}
