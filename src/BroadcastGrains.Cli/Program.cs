using BroadcastGrains.Cli;
using Spectre.Console;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops watching (the broadcast goes on); a second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return await CliApp.RunAsync(args, AnsiConsole.Console, cancel.Token);
