using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BroadcastGrains.Cli.Api;
using Spectre.Console;

namespace BroadcastGrains.Cli.Commands;

/// <summary>
/// <c>admin bootstrap</c>: a ready-to-send client in one go (the client, an API key, credits and, where the silo has
/// sender approval, an approved sender). The key is printed once: the API stores only its hash.
/// </summary>
internal static class AdminCommand
{
    static readonly string[] DefaultScopes = ["sms:send", "sms:read", "wallet:read", "lists:write"];

    public static Command Create(CliSettings settings, IAnsiConsole console)
    {
        var name = new Option<string>("--name") { Description = "The client's name.", Required = true };
        var credits = new Option<decimal>("--credits") { Description = "Credits to add (0 for none)." };
        var reference = new Option<string?>("--reference") { Description = "The top-up's reference (default: bootstrap-<client id>)." };
        var scopes = new Option<string[]>("--scope") { Description = "A scope of the key (repeat); default sms:send sms:read wallet:read lists:write.", AllowMultipleArgumentsPerToken = true };
        var sender = new Option<string?>("--sender") { Description = "Register this sender for the client and approve it." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object (for scripts)." };
        var bootstrap = new Command("bootstrap", "Create a client, an API key and credits in one go; prints the key once.")
        {
            name, credits, reference, scopes, sender, json,
        };
        bootstrap.SetAction(async (parse, cancellationToken) =>
        {
            var baseAddress = settings.BaseAddress(parse);
            using var admin = new ApiClient(baseAddress, settings.OperatorKey(parse));
            var client = await admin.PostAsync("v1/admin/clients", new { name = parse.GetValue(name) }, cancellationToken);
            var clientId = client["id"]!.GetValue<string>();
            var keyScopes = parse.GetValue(scopes) is { Length: > 0 } given ? given : DefaultScopes;
            var key = await admin.PostAsync($"v1/admin/clients/{clientId}/api-keys", new { name = "bootstrap", scopes = keyScopes }, cancellationToken);
            var plainKey = key["key"]!.GetValue<string>();
            JsonNode? wallet = null;
            if (parse.GetValue(credits) is > 0 and var amount)
            {
                wallet = await admin.PostAsync($"v1/admin/clients/{clientId}/credits",
                    new { amount, reference = parse.GetValue(reference) ?? $"bootstrap-{clientId}" }, cancellationToken);
            }
            string? senderStatus = null;
            if (parse.GetValue(sender) is { Length: > 0 } senderName)
            {
                using var asClient = new ApiClient(baseAddress, plainKey);
                senderStatus = await ApproveSenderAsync(admin, asClient, clientId, senderName, console, cancellationToken);
            }
            var result = new JsonObject
            {
                ["clientId"] = clientId,
                ["keyId"] = key["id"]?.DeepClone(),
                ["key"] = plainKey,
                ["scopes"] = key["scopes"]?.DeepClone(),
                ["balance"] = wallet?["balance"]?.DeepClone() ?? 0,
                ["sender"] = parse.GetValue(sender),
                ["senderStatus"] = senderStatus,
            };
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Bootstrapped").AddColumn("");
            table.AddRow("client", Markup.Escape(clientId));
            table.AddRow("API key", $"[bold yellow]{Markup.Escape(plainKey)}[/]");
            table.AddRow("scopes", Markup.Escape(string.Join(' ', keyScopes)));
            table.AddRow("balance", Convert.ToString(result["balance"], CultureInfo.InvariantCulture) ?? "0");
            if (senderStatus is not null)
            {
                table.AddRow("sender", Markup.Escape($"{parse.GetValue(sender)} ({senderStatus})"));
            }
            console.Write(table);
            console.MarkupLine("[yellow]The key is shown only now: store it (for example as BROADCAST_API_KEY).[/]");
            return ExitCodes.Ok;
        });
        return new Command("admin", "Operator commands (--admin-key).")
        {
            bootstrap, RoutesCommand.Create(settings, console), RoutesCommand.Connectors(settings, console),
        };
    }

    /// <summary>
    /// Gives the client an approved sender: the operator registers it approved in one call, or, on a silo without that
    /// shortcut, the client registers it and the operator approves it. A silo without sender approval is told, not failed.
    /// </summary>
    static async Task<string> ApproveSenderAsync(ApiClient admin, ApiClient asClient, string clientId, string sender,
        IAnsiConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var registered = await admin.PostAsync($"v1/admin/clients/{clientId}/senders", new { name = sender }, cancellationToken);
            return registered["status"]?.GetValue<string>() ?? "approved";
        }
        catch (ApiException e) when (IsMissingRoute(e))
        {
        }
        JsonNode created;
        try
        {
            created = await asClient.PostAsync("v1/senders", new { name = sender }, cancellationToken);
        }
        catch (ApiException e) when (IsMissingRoute(e))
        {
            console.MarkupLineInterpolated($"[grey]This silo has no sender registration; '{sender}' is usable as it is.[/]");
            return "not needed";
        }
        var approved = await admin.PostAsync($"v1/admin/senders/{created["id"]!.GetValue<string>()}/approve", new { }, cancellationToken);
        return approved["status"]?.GetValue<string>() ?? "approved";
    }

    static bool IsMissingRoute(ApiException e) =>
        e.Problem.Status is 404 or 405 && e.Problem.Detail?.StartsWith("no endpoint", StringComparison.Ordinal) == true;
}
