using System.CommandLine;
using System.Text.Json.Nodes;
using BroadcastGrains.Cli.Api;
using BroadcastGrains.Cli.Progress;
using Spectre.Console;

namespace BroadcastGrains.Cli.Commands;

/// <summary><c>watch ID</c>: follows a broadcast's event stream to its end.</summary>
internal static class WatchCommand
{
    public static Command Create(CliSettings settings, IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "The broadcast id (bc_…)." };
        var command = new Command("watch", "Follow a broadcast live until it completes.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var api = new ApiClient(settings.BaseAddress(parse), settings.ClientKey(parse));
            var broadcast = await api.GetAsync($"v1/broadcasts/{Uri.EscapeDataString(parse.GetValue(id)!)}", cancellationToken);
            return await FollowAsync(api, broadcast, console, cancellationToken);
        });
        return command;
    }

    /// <summary>Follows <paramref name="broadcast"/> and prints where it ended; 0 for completed, 3 for failed or cancelled.</summary>
    public static async Task<int> FollowAsync(ApiClient api, JsonNode broadcast, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var last = DrSummaryRows.IsFinished(DrSummaryRows.Status(broadcast))
            ? broadcast
            : await BroadcastFollower.FollowAsync(api, broadcast, console, cancellationToken);
        BroadcastSummary.Write(console, last);
        var status = DrSummaryRows.Status(last);
        if (status == "completed")
        {
            console.MarkupLine("[green]Completed.[/]");
            return ExitCodes.Ok;
        }
        console.MarkupLineInterpolated($"[red]The broadcast ended {status}.[/]");
        return ExitCodes.BroadcastNotCompleted;
    }
}
