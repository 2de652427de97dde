using System.Globalization;
using System.Text;

namespace BroadcastGrains.Bench.Results;

/// <summary>The run as the issue's table: each figure with its same-run baseline, the ratio, and the goal.</summary>
internal static class ResultsTable
{
    public static List<string[]> Rows(BenchRun run)
    {
        var rows = new List<string[]>();
        var json = $"{S(run.JsonParse, "N3")} (Utf8JsonReader → long[])";
        foreach (var s in run.Systems)
        {
            rows.Add(["accept", s.Storage, $"{S(s.Accept)} (best of {s.Accepts.Count}; median {S(s.AcceptMedian)}, "
                + $"{Ratio(s.AcceptMedian, run.JsonParse)})", json, Ratio(s.Accept, run.JsonParse), "≤ 3×"]);
            rows.Add(["accept, dryRun (parse + validate + price, nothing stored)", s.Storage, S(s.AcceptDryRun), json,
                Ratio(s.AcceptDryRun, run.JsonParse), ""]);
            if (s.Storage != "memory" && run.Postgres is { } copy)
            {
                // A PostgreSQL accept makes every recipient durable before its 201: the COPY of as many rows is its floor.
                rows.Add(["accept against the COPY of its rows", s.Storage, S(s.Accept), $"{S(copy.Copy)} (COPY alone)",
                    Ratio(s.Accept, copy.Copy), ""]);
            }
            var rate = $"{S(s.Complete, "N1")} ({s.MessagesPerSecond.ToString("N0", CultureInfo.InvariantCulture)} msg/s)";
            if (s.Storage == "memory")
            {
                rows.Add(["complete, embedded", s.Storage, rate, $"{S(run.SimulatorAlone)} (simulator alone)",
                    Ratio(s.Complete, run.SimulatorAlone), "≤ 30 s"]);
            }
            else if (run.Postgres is { } pg)
            {
                rows.Add(["complete, PostgreSQL", s.Storage, rate,
                    $"{S(pg.Total)} (COPY {S(pg.Copy)} + UPDATE…unnest {S(pg.Updates)})", Ratio(s.Complete, pg.Total), "≤ 2×"]);
            }
            // The issue's "201 → final" leaves out the accept itself; this is the whole wall time a client waits.
            rows.Add(["POST sent → every recipient final", s.Storage, S(s.Accepts[0] + s.Complete, "N1"), "—", "—", ""]);
            rows.Add(["memory (silo peak RSS)", s.Storage, $"{s.PeakRssBytes / 1e9:N2} GB", "—", "—", "≤ 1.5 GB"]);
            rows.Add(["recipients page p50 / p99", s.Storage, $"{Ms(s.PageP50Ms)} / {Ms(s.PageP99Ms)} ms",
                run.Postgres is { } keyset ? $"{Ms(keyset.PageP50Ms)} / {Ms(keyset.PageP99Ms)} ms (keyset query)" : "—",
                run.Postgres is { } k ? $"{s.PageP99Ms / k.PageP99Ms:N1}× (p99)" : "—", "p99 ≤ 50 ms"]);
            rows.Add(["receipts ingested", s.Storage,
                s.ReceiptsPosted == 0 ? "—" : $"{s.ReceiptsPerSecond.ToString("N0", CultureInfo.InvariantCulture)}/s ({s.ReceiptsPosted:N0}, duplicates)",
                "—", "—", "≥ 100,000/s"]);
        }
        return rows;
    }

    public static string Markdown(BenchRun run)
    {
        var text = new StringBuilder();
        text.AppendLine("| figure | storage | system | baseline (same run) | ratio | goal |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in Rows(run))
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }
        return text.ToString();
    }

    static string S(TimeSpan t, string format = "N2") => t.TotalSeconds.ToString(format, CultureInfo.InvariantCulture) + " s";

    static string Ms(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture);

    static string Ratio(TimeSpan system, TimeSpan baseline) =>
        (system.TotalSeconds / baseline.TotalSeconds).ToString("N1", CultureInfo.InvariantCulture) + "×";
}
