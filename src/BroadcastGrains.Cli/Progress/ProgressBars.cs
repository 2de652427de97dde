using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace BroadcastGrains.Cli.Progress;

/// <summary>The live display: the share of recipients with a final status, then one bar per drSummary status.</summary>
internal sealed class ProgressBars
{
    readonly ProgressTask _overall;
    readonly List<((string Label, string[] Keys, string Colour) Row, ProgressTask Task)> _rows;

    public ProgressBars(ProgressContext context, long recipients)
    {
        var total = Math.Max(recipients, 1);
        _overall = context.AddTask(Describe("Final", 0, "bold"), maxValue: total);
        _rows = [.. DrSummaryRows.Rows.Select(r => (r, context.AddTask(Describe(r.Label, 0, r.Colour), maxValue: total)))];
    }

    public void Show(JsonNode broadcast, bool final)
    {
        var done = DrSummaryRows.Final(broadcast);
        _overall.Value = done;
        _overall.Description = Describe($"Final ({DrSummaryRows.Status(broadcast)})", done, "bold");
        foreach (var (row, task) in _rows)
        {
            var count = DrSummaryRows.Count(broadcast, row.Keys);
            task.Value = count;
            task.Description = Describe(row.Label, count, row.Colour);
        }
        if (final)
        {
            _overall.StopTask();
            _rows.ForEach(r => r.Task.StopTask());
        }
    }

    static string Describe(string label, long count, string colour) =>
        $"[{colour}]{Markup.Escape(label),-22}[/] {count.ToString("N0", CultureInfo.InvariantCulture),12}";
}
