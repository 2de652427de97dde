using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BroadcastGrains.Bench.Hosting;

namespace BroadcastGrains.Bench.Results;

/// <summary>Writes <c>bench/results/latest.json</c> (every figure) and appends the run's section to <c>bench/RESULTS.md</c>.</summary>
internal static class ResultsFiles
{
    static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Dates keep their '+' rather than \u002B: the file is read by people as much as by tools.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static (string Json, string Markdown) Write(BenchRun run)
    {
        Directory.CreateDirectory(RepoLayout.ResultsFolder);
        var json = Path.Combine(RepoLayout.ResultsFolder, "latest.json");
        File.WriteAllText(json, Json(run).ToJsonString(Indented) + "\n");

        var markdown = RepoLayout.ResultsMarkdown;
        if (!File.Exists(markdown))
        {
            File.WriteAllText(markdown, """
                # Benchmark results

                One section per run of `dotnet run -c Release --project bench/BroadcastGrains.Bench` (newest last; earlier
                runs are kept as history). Every figure is taken beside its baseline on the same machine in the same run;
                the goals are issue 8's. `bench/results/latest.json` holds every figure of the latest run.

                """);
        }
        File.AppendAllText(markdown, Section(run));
        return (json, markdown);
    }

    static string Section(BenchRun run)
    {
        var m = run.Machine;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"\n## {run.StartedAt:yyyy-MM-dd HH:mm} UTC — {run.Recipients:N0} recipients, storage {run.Options.StorageName}\n");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Commit `{m.Commit[..Math.Min(12, m.Commit.Length)]}`{(m.Dirty ? " (with uncommitted changes)" : "")}; {m.Cores} cores, "
            + $"{m.MemoryBytes / 1e9:N1} GB, {m.Os}, {m.DotNet}. Load average (1/5/15 min) {run.LoadAverageStart} at start, "
            + $"{run.LoadAverageEnd} at the end: the machine is shared with other test runs. Took {(run.FinishedAt - run.StartedAt).TotalMinutes:N1} min.\n");
        text.Append(ResultsTable.Markdown(run));
        text.AppendLine(CultureInfo.InvariantCulture, $"""

            Body {run.BodyBytes / 1e6:N1} MB of inline E.164 strings. Simulator uncapped, receipts after {run.Options.ReceiptDelayMs} ms.
            `PhoneNumberClassifier.ValidRegionOf` (libphonenumber's rules, compiled) over {run.NumbersValidated:N0} candidate
            numbers on one core (bench process, while generating the body): {run.NumberValidationOneCore.TotalSeconds:N2} s.
            Receipts are for recipients already final (duplicates), so they measure parse + route + partition check, not a
            status change. "complete" runs from the 201 (polling every 250 ms); partitions start sending right after the
            201, so "POST sent → every recipient final" (first accept + complete) is the whole wall time. The accept is
            POSTed three times and, like the parse baseline, the best is the figure, the median beside it; completion,
            pages, receipts and peak RSS are measured on the first broadcast, before the other two POSTs.
            """);
        return text.ToString();
    }

    static JsonObject Json(BenchRun run)
    {
        var systems = new JsonArray();
        foreach (var s in run.Systems)
        {
            systems.Add(new JsonObject
            {
                ["storage"] = s.Storage,
                ["acceptSeconds"] = s.Accept.TotalSeconds,
                ["acceptMedianSeconds"] = s.AcceptMedian.TotalSeconds,
                ["acceptRoundsSeconds"] = new JsonArray([.. s.Accepts.Select(a => (JsonNode?)a.TotalSeconds)]),
                ["acceptDryRunSeconds"] = s.AcceptDryRun.TotalSeconds,
                ["acceptRatio"] = s.Accept.TotalSeconds / run.JsonParse.TotalSeconds,
                ["recipientCount"] = s.RecipientCount,
                ["invalidCount"] = s.InvalidCount,
                ["completeSeconds"] = s.Complete.TotalSeconds,
                ["messagesPerSecond"] = s.MessagesPerSecond,
                ["postToFinalSeconds"] = (s.Accepts[0] + s.Complete).TotalSeconds,
                ["completeRatio"] = s.Storage == "memory"
                    ? s.Complete.TotalSeconds / run.SimulatorAlone.TotalSeconds
                    : run.Postgres is { } pg ? s.Complete.TotalSeconds / pg.Total.TotalSeconds : null,
                ["drSummary"] = new JsonObject(s.DrSummary.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["peakRssBytes"] = s.PeakRssBytes,
                ["pageP50Ms"] = s.PageP50Ms,
                ["pageP99Ms"] = s.PageP99Ms,
                ["pages"] = s.Pages,
                ["receiptsPosted"] = s.ReceiptsPosted,
                ["receiptsMatched"] = s.ReceiptsMatched,
                ["receiptsSeconds"] = s.ReceiptsElapsed.TotalSeconds,
                ["receiptsPerSecond"] = s.ReceiptsPosted == 0 ? null : s.ReceiptsPerSecond,
                ["receiptsAreDuplicates"] = true,
            });
        }
        return new JsonObject
        {
            ["date"] = run.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            ["finishedAt"] = run.FinishedAt.ToString("O", CultureInfo.InvariantCulture),
            ["commit"] = run.Machine.Commit,
            ["uncommittedChanges"] = run.Machine.Dirty,
            ["recipients"] = run.Recipients,
            ["storage"] = run.Options.StorageName,
            ["machine"] = new JsonObject
            {
                ["cores"] = run.Machine.Cores,
                ["memoryBytes"] = run.Machine.MemoryBytes,
                ["os"] = run.Machine.Os,
                ["dotnet"] = run.Machine.DotNet,
                ["loadAverageStart"] = run.LoadAverageStart,
                ["loadAverageEnd"] = run.LoadAverageEnd,
            },
            ["settings"] = new JsonObject
            {
                ["simulatorMessagesPerSecond"] = 0,
                ["receiptDelayMs"] = run.Options.ReceiptDelayMs,
                ["pageLimit"] = 1000,
                ["receiptBatch"] = 1000,
            },
            ["baselines"] = new JsonObject
            {
                ["bodyBytes"] = run.BodyBytes,
                ["jsonParseSeconds"] = run.JsonParse.TotalSeconds,
                ["numberValidationOneCoreSeconds"] = run.NumberValidationOneCore.TotalSeconds,
                ["numbersValidated"] = run.NumbersValidated,
                ["simulatorAloneSeconds"] = run.SimulatorAlone.TotalSeconds,
                ["simulatorReceipts"] = run.SimulatorReceipts,
                ["postgres"] = run.Postgres is { } p
                    ? new JsonObject
                    {
                        ["copySeconds"] = p.Copy.TotalSeconds,
                        ["updateSeconds"] = p.Updates.TotalSeconds,
                        ["totalSeconds"] = p.Total.TotalSeconds,
                        ["keysetPageP50Ms"] = p.PageP50Ms,
                        ["keysetPageP99Ms"] = p.PageP99Ms,
                    }
                    : null,
            },
            ["systems"] = systems,
        };
    }
}
