using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace BroadcastGrains.Cli.Progress;

/// <summary>A broadcast at a glance: its state, counts and money.</summary>
internal static class BroadcastSummary
{
    public static void Write(IAnsiConsole console, JsonNode b)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Broadcast").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("id", Markup.Escape(Text(b, "id")));
        table.AddRow("name", Markup.Escape(Text(b, "name")));
        table.AddRow("status", $"[bold]{Markup.Escape(DrSummaryRows.Status(b))}[/]");
        table.AddRow("recipients", DrSummaryRows.Total(b).ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (label, keys, _) in DrSummaryRows.Rows)
        {
            var count = DrSummaryRows.Count(b, keys);
            if (count > 0)
            {
                table.AddRow($"  {label.ToLowerInvariant()}", count.ToString("N0", CultureInfo.InvariantCulture));
            }
        }
        table.AddRow("estimated credits", Text(b, "estimatedCredits"));
        table.AddRow("held / spent / refunded", $"{Text(b, "heldCredits")} / {Text(b, "spentCredits")} / {Text(b, "refundedCredits")}");
        if (b["failureReason"]?.ToString() is { Length: > 0 } reason)
        {
            table.AddRow("failure", Markup.Escape(reason));
        }
        console.Write(table);
    }

    static string Text(JsonNode b, string field) => b[field]?.ToString() ?? "";
}
