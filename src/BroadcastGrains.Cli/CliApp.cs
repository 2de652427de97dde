using System.CommandLine;
using BroadcastGrains.Cli.Api;
using BroadcastGrains.Cli.Commands;
using Spectre.Console;

namespace BroadcastGrains.Cli;

/// <summary>The command tree. <see cref="RunAsync"/> is the whole program, so tests run it in-process with their own console.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var settings = new CliSettings();
        var root = new RootCommand("BroadcastGrains: send bulk SMS broadcasts and follow them live.")
        {
            settings.Url, settings.Key, settings.AdminKey,
        };
        root.Subcommands.Add(SendCommand.Create(settings, console));
        root.Subcommands.Add(WatchCommand.Create(settings, console));
        root.Subcommands.Add(AdminCommand.Create(settings, console));
        root.Subcommands.Add(MigrateCommand.Create(console));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.MarkupLineInterpolated($"[red]{error.Message}[/]");
            }
            console.MarkupLine("Run with [bold]--help[/] for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (ApiException e)
        {
            e.Problem.Write(console);
            return ExitCodes.ApiError;
        }
        catch (UsageException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.Usage;
        }
        catch (HttpRequestException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot reach the API:[/] {e.Message}");
            return ExitCodes.ApiError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/] The broadcast, if any, goes on; follow it again with [bold]watch[/].");
            return ExitCodes.Interrupted;
        }
    }
}
