using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace BroadcastGrains.Cli.Progress;

/// <summary>Progress for logs and pipes: at most one line a second, and the last one always.</summary>
internal sealed class ProgressLines(IAnsiConsole console)
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    readonly Stopwatch _clock = Stopwatch.StartNew();
    TimeSpan _lastLine = -Every;

    public void Show(JsonNode broadcast, bool final)
    {
        if (!final && _clock.Elapsed - _lastLine < Every)
        {
            return;
        }
        _lastLine = _clock.Elapsed;
        var total = DrSummaryRows.Total(broadcast);
        var done = DrSummaryRows.Final(broadcast);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"[{_clock.Elapsed:mm\\:ss}] {DrSummaryRows.Status(broadcast)}: ");
        line.Append(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} final ({(total == 0 ? 100 : done * 100 / total)}%)");
        foreach (var (label, keys, _) in DrSummaryRows.Rows)
        {
            var count = DrSummaryRows.Count(broadcast, keys);
            if (count > 0)
            {
                line.Append(CultureInfo.InvariantCulture, $", {label.ToLowerInvariant()} {count:N0}");
            }
        }
        console.WriteLine(line.ToString());
    }
}
