using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BroadcastGrains.Cli.Api;
using Spectre.Console;

namespace BroadcastGrains.Cli.Commands;

/// <summary>
/// <c>admin routes show</c> and <c>admin routes set --file routes.json</c>: the routing table, read or replaced whole
/// (the file holds <c>{"routes": [...]}</c> or just the array); and <c>admin connectors</c>, their state on every silo.
/// A table the silo refuses changes nothing and its problems are printed by field.
/// </summary>
internal static class RoutesCommand
{
    public static Command Create(CliSettings settings, IAnsiConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the table as JSON (for scripts, or to edit and set again)." };
        var show = new Command("show", "Print the routing table.") { json };
        show.SetAction(async (parse, cancellationToken) =>
        {
            using var admin = new ApiClient(settings.BaseAddress(parse), settings.OperatorKey(parse));
            Print(await admin.GetAsync("v1/admin/routes", cancellationToken), parse.GetValue(json), console);
            return ExitCodes.Ok;
        });

        var file = new Option<FileInfo>("--file") { Description = "A JSON file: {\"routes\": [...]} or the array of routes.", Required = true };
        var setJson = new Option<bool>("--json") { Description = "Print the stored table as JSON." };
        var set = new Command("set", "Replace the routing table whole with the routes of a file (an empty list clears it).") { file, setJson };
        set.SetAction(async (parse, cancellationToken) =>
        {
            var body = ReadTable(parse.GetValue(file)!);
            using var admin = new ApiClient(settings.BaseAddress(parse), settings.OperatorKey(parse));
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            Print(await admin.PutAsync("v1/admin/routes", content, cancellationToken), parse.GetValue(setJson), console);
            return ExitCodes.Ok;
        });
        return new Command("routes", "Show or replace the routing table.") { show, set };
    }

    public static Command Connectors(CliSettings settings, IAnsiConsole console)
    {
        var command = new Command("connectors", "Print the connectors and their state on every silo.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var admin = new ApiClient(settings.BaseAddress(parse), settings.OperatorKey(parse));
            var answer = await admin.GetAsync("v1/admin/connectors", cancellationToken);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("connector", "kind", "state", "MMS", "parts/s", "today", "silos up");
            foreach (var item in answer["items"]?.AsArray() ?? [])
            {
                var silos = item!["silos"]?.AsArray() ?? [];
                table.AddRow(Text(item["name"]), Text(item["kind"]), Text(item["state"]), Text(item["supportsMms"]),
                    Text(item["maxSubmitsPerSecond"]), Text(item["submittedToday"]),
                    $"{silos.Count(s => s?["state"]?.GetValue<string>() == "up")}/{silos.Count}");
            }
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    static JsonNode ReadTable(FileInfo file)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(File.ReadAllText(file.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new UsageException($"cannot read the routes of {file.Name}: {e.Message}");
        }
        return parsed switch
        {
            JsonArray routes => new JsonObject { ["routes"] = routes },
            JsonObject { } table when table.ContainsKey("routes") => table,
            _ => throw new UsageException($"{file.Name} must hold {{\"routes\": [...]}} or an array of routes"),
        };
    }

    static void Print(JsonNode table, bool json, IAnsiConsole console)
    {
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(table.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            return;
        }
        var rows = new Table().Border(TableBorder.Rounded)
            .AddColumns("#", "code", "countries", "prefixes", "clients", "connectors", "strategy", "price/segment", "MMS");
        var routes = table["routes"]?.AsArray() ?? [];
        var shown = routes.Count > 0 ? routes : new JsonArray(table["defaultRoute"]?.DeepClone());
        for (var i = 0; i < shown.Count; i++)
        {
            var route = shown[i]!;
            rows.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Text(route["code"]), List(route["countries"]),
                List(route["prefixes"]), List(route["clientIds"]), List(route["connectors"]), Text(route["strategy"]),
                Text(route["pricePerSegment"]), Text(route["mmsPerMessage"]));
        }
        console.Write(rows);
        console.MarkupLine(routes.Count > 0
            ? $"version {Text(table["version"])}: a recipient takes the first route whose filters all match"
            : "no table set: the implicit default route sends through every connector in configuration order");
    }

    static string List(JsonNode? node) =>
        node is JsonArray { Count: > 0 } items ? Markup.Escape(string.Join(' ', items.Select(i => i?.ToString()))) : "all";

    static string Text(JsonNode? node) => node is null ? "-" : Markup.Escape(node.ToString());
}
