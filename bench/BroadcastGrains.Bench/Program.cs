using BroadcastGrains.Bench;
using BroadcastGrains.Bench.Accept;
using BroadcastGrains.Bench.Carrier;
using BroadcastGrains.Bench.EndToEnd;
using BroadcastGrains.Bench.Hosting;
using BroadcastGrains.Bench.Postgres;
using BroadcastGrains.Bench.Results;
using BroadcastGrains.Testing.Postgres;

// The end-to-end benchmark of issue 8: the real silo over HTTP against baselines taken in the same run.
if (BenchOptions.Parse(args) is not { } options)
{
    return 2;
}
var started = DateTimeOffset.UtcNow;
var loadStart = MachineFacts.LoadAverage();
var machine = MachineFacts.Read();
Progress.Say($"{options.Recipients:N0} recipients, storage {options.StorageName}; {machine.Cores} cores, load average {loadStart}");

Progress.Say("generating valid US numbers (the silo's own validator checks each one)");
var (numbers, validation, validated) = RecipientNumbers.Generate(1_212_200_0000, options.Recipients);
var (warmUp, _, _) = RecipientNumbers.Generate(1_646_200_0000, Math.Min(2_000, options.Recipients));
var name = $"bench {options.Recipients}";
var body = CreateBody.Build(name, numbers);
var dryRunBody = CreateBody.Build(name, numbers, dryRun: true);
Progress.Say($"body {body.Length / 1e6:N1} MB; ValidRegionOf checked {validated:N0} numbers in {validation.TotalSeconds:N2} s on one core");

var (jsonParse, parsed) = JsonParseBaseline.Measure(body);
Progress.Say($"baseline: Utf8JsonReader → long[{parsed:N0}] in {jsonParse.TotalSeconds:N3} s (best of 3)");
var (simulator, simulatorReceipts) = await SimulatorBaseline.MeasureAsync(numbers, options.ReceiptDelayMs);
Progress.Say($"baseline: simulator alone took {options.Recipients:N0} submits and emitted {simulatorReceipts:N0} receipts in {simulator.TotalSeconds:N2} s");

var run = new SystemRun(options, body, dryRunBody, warmUp);
var systems = new List<SystemFigures>();
if (options.Memory)
{
    systems.Add(await run.RunAsync("memory", new Dictionary<string, string> { ["Broadcast__Storage"] = "Memory" }));
}
PostgresBaselineFigures? postgres = null;
if (options.Postgres)
{
    Progress.Say("starting a private PostgreSQL server");
    await using var server = await PostgresServer.StartAsync();
    Progress.Say($"baseline: COPY + UPDATE…unnest of {options.Recipients:N0} rows, {options.Pages} keyset pages");
    postgres = await PostgresBaseline.MeasureAsync(await server.CreateDatabaseAsync("bench_baseline"), numbers, options.Pages);
    Progress.Say($"baseline: COPY {postgres.Copy.TotalSeconds:N2} s + updates {postgres.Updates.TotalSeconds:N2} s; "
        + $"keyset page p50 {postgres.PageP50Ms:N2} ms, p99 {postgres.PageP99Ms:N2} ms");
    var settings = new Dictionary<string, string>
    {
        ["Broadcast__Storage"] = "Postgres",
        ["ConnectionStrings__Postgres"] = await server.CreateDatabaseAsync("bench_silo"),
    };
    Progress.Say("migrate");
    await SiloProcess.MigrateAsync(settings);
    systems.Add(await run.RunAsync("postgres", settings));
}

var results = new BenchRun(started, DateTimeOffset.UtcNow, options.Recipients, options, machine, loadStart, MachineFacts.LoadAverage(),
    body.Length, jsonParse, validation, validated, simulator, simulatorReceipts, postgres, systems);
var (jsonFile, markdownFile) = ResultsFiles.Write(results);
Console.WriteLine();
Console.WriteLine(ResultsTable.Markdown(results));
Console.WriteLine($"Load average {results.LoadAverageStart} → {results.LoadAverageEnd}. Written: {jsonFile}, {markdownFile}");
return 0;
