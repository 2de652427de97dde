using System.CommandLine;
using BroadcastGrains.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spectre.Console;

namespace BroadcastGrains.Cli.Commands;

/// <summary>
/// <c>migrate</c>: creates or upgrades the PostgreSQL schema with the silo's own migrator (the code behind
/// <c>BroadcastGrains.Silo migrate</c>), so it can run before any silo exists. Running it again changes nothing.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Npgsql connection string (env ConnectionStrings__Postgres).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__Postgres"),
        };
        var command = new Command("migrate", "Create or upgrade the PostgreSQL schema (Broadcast__Storage=Postgres).") { connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(connection) is not { Length: > 0 } connectionString)
            {
                throw new UsageException("a connection string is needed: --connection-string or ConnectionStrings__Postgres");
            }
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            try
            {
                var result = await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
                if (result.Applied.Count == 0)
                {
                    console.MarkupLineInterpolated($"The schema is at version {result.After}, the latest: nothing to do.");
                }
                else
                {
                    console.MarkupLineInterpolated(
                        $"[green]Migrated[/] from version {result.Before?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} to {result.After}: {string.Join(", ", result.Applied)}.");
                }
                return ExitCodes.Ok;
            }
            catch (NpgsqlException e)
            {
                console.MarkupLineInterpolated($"[red]Migration failed; the database is unchanged:[/] {e.Message}");
                return ExitCodes.ApiError;
            }
        });
        return command;
    }
}
