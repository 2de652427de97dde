using System.Text.Json.Nodes;

namespace BroadcastGrains.Cli.Progress;

/// <summary>The rows the progress display shows: the drSummary statuses, waiting ones (pending and queued) together.</summary>
internal static class DrSummaryRows
{
    public static readonly (string Label, string[] Keys, string Colour)[] Rows =
    [
        ("Waiting", ["pending", "queued"], "grey"),
        ("Sent", ["sent"], "blue"),
        ("Delivered", ["delivered"], "green"),
        ("Failed", ["failed"], "red"),
        ("Expired", ["expired"], "darkorange"),
        ("Timeout", ["timeout"], "orange3"),
        ("Invalid", ["invalid"], "grey"),
        ("Blocked", ["blocked"], "maroon"),
        ("Opted out", ["optedOut"], "grey"),
        ("Cancelled", ["cancelled"], "grey"),
    ];

    static readonly string[] FinalKeys = ["delivered", "failed", "expired", "timeout", "invalid", "blocked", "optedOut", "cancelled"];

    public static long Count(JsonNode broadcast, IEnumerable<string> keys) =>
        keys.Sum(k => broadcast["drSummary"]?[k]?.GetValue<long>() ?? 0);

    /// <summary>Recipients with a final status.</summary>
    public static long Final(JsonNode broadcast) => Count(broadcast, FinalKeys);

    public static long Total(JsonNode broadcast) => broadcast["recipientCount"]?.GetValue<long>() ?? 0;

    public static string Status(JsonNode broadcast) => broadcast["status"]?.GetValue<string>() ?? "?";

    public static bool IsFinished(string status) => status is "completed" or "cancelled" or "failed";
}
