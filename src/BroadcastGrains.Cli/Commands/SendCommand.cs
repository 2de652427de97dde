using System.CommandLine;
using BroadcastGrains.Cli.Api;
using BroadcastGrains.Cli.Progress;
using BroadcastGrains.Cli.Recipients;
using Spectre.Console;

namespace BroadcastGrains.Cli.Commands;

/// <summary>
/// <c>send FILE --from NAME (--body TEXT | --template NAME)</c>: creates a broadcast to the numbers of a text or CSV file
/// and follows it to the end with a progress bar per status.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliSettings settings, IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "Numbers, one a line, or CSV with a phone column and variable columns." };
        var from = new Option<string>("--from") { Description = "An approved sender of the client.", Required = true };
        var body = new Option<string?>("--body") { Description = "The text; {{column}} placeholders take CSV columns." };
        var template = new Option<string?>("--template") { Description = "An approved template, instead of --body." };
        var name = new Option<string?>("--name") { Description = "The broadcast's name (default: the file name)." };
        var region = new Option<string?>("--default-region") { Description = "ISO country for national numbers, e.g. GB." };
        var onDuplicate = new Option<string?>("--on-duplicate") { Description = "reject (default) or skip." };
        onDuplicate.AcceptOnlyFromAmong("reject", "skip");
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and price only." };
        var noWait = new Option<bool>("--no-wait") { Description = "Create, print the id and exit without following." };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Makes a retried send create nothing new." };
        var command = new Command("send", "Send a file of numbers as a broadcast and follow it to completion.")
        {
            file, from, body, template, name, region, onDuplicate, dryRun, noWait, idempotencyKey,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(body) is null) == (result.GetValue(template) is null))
            {
                result.AddError("give exactly one of --body and --template");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var recipients = RecipientFile.Open(parse.GetValue(file)!.FullName);
            var fields = new Dictionary<string, object?>
            {
                ["name"] = parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(recipients.Path),
                ["from"] = parse.GetValue(from),
                ["body"] = parse.GetValue(body),
                ["templateName"] = parse.GetValue(template),
                ["defaultRegion"] = parse.GetValue(region),
                ["onDuplicate"] = parse.GetValue(onDuplicate),
                ["dryRun"] = parse.GetValue(dryRun) ? true : null,
            };
            using var api = new ApiClient(settings.BaseAddress(parse), settings.ClientKey(parse));
            var created = await console.Status().StartAsync($"Uploading {Markup.Escape(recipients.Path)}…", _ =>
                api.PostAsync("v1/broadcasts", new CreateBroadcastContent(fields, recipients), cancellationToken, parse.GetValue(idempotencyKey)));
            var status = DrSummaryRows.Status(created);
            console.MarkupLineInterpolated(
                $"Broadcast [bold]{created["id"]}[/]: {DrSummaryRows.Total(created):N0} recipients ({created["invalidCount"]} invalid), {created["estimatedCredits"]} credits estimated, [bold]{status}[/].");
            if (parse.GetValue(dryRun) || parse.GetValue(noWait) || status is not ("sending" or "paused"))
            {
                BroadcastSummary.Write(console, created);
                return ExitCodes.Ok;
            }
            return await WatchCommand.FollowAsync(api, created, console, cancellationToken);
        });
        return command;
    }
}
