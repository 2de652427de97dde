using Spectre.Console;

namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>Runs the CLI (`broadcast`)'s whole program in-process with a console that records what a person would read.</summary>
internal static class Broadcast
{
    public sealed record Run(int ExitCode, string Output);

    public static async Task<Run> RunAsync(ISilo silo, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await CliApp.RunAsync(["--url", silo.Address.ToString(), .. args], console, deadline.Token);
        return new Run(exit, output.ToString());
    }
}
