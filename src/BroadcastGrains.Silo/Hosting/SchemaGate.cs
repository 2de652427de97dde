using System.Diagnostics;
using BroadcastGrains.Hosting;
using BroadcastGrains.Storage.Postgres;
using Npgsql;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Before a PostgreSQL silo starts: the database must be at this build's schema version. A silo on an older (or no)
/// schema would fail later, in the middle of Orleans' start-up or worse on the first grain write; refusing at once with
/// "run migrate" is the clear failure. A newer schema is accepted (a rolling upgrade migrates before the old silos stop).
/// </summary>
internal static partial class SchemaGate
{
    // PostgreSQL may still be starting (a container next to the silo): wait a little before calling it unreachable.
    static readonly TimeSpan ConnectDeadline = TimeSpan.FromSeconds(30);
    static readonly TimeSpan ConnectRetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>Null when the silo may start; otherwise the exit code, with the reason logged.</summary>
    public static async Task<int?> CheckAsync(IConfiguration configuration)
    {
        if (configuration.GetValue($"{BroadcastOptions.Section}:Storage", StorageKind.Memory) != StorageKind.Postgres)
        {
            return null;
        }
        using var loggers = Migration.CreateLoggers(configuration);
        var logger = loggers.CreateLogger("BroadcastGrains.Silo.Schema");
        if (Migration.ReadOptions(configuration, logger) is not { } options)
        {
            return Migration.BadConfiguration;
        }
        await using var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                return Judge(await SchemaVersionTable.ReadVersionAsync(connection, CancellationToken.None), logger);
            }
            catch (NpgsqlException e) when (e.IsTransient && clock.Elapsed < ConnectDeadline)
            {
                LogWaiting(logger, e.Message);
                await Task.Delay(ConnectRetryInterval);
            }
            catch (NpgsqlException e)
            {
                LogUnreachable(logger, e);
                return Migration.Failed;
            }
        }
    }

    static int? Judge(int? version, ILogger logger)
    {
        var required = SchemaScript.LatestVersion;
        switch (version)
        {
            case null:
                LogNoSchema(logger, required);
                return Migration.SchemaOutdated;
            case var v when v < required:
                LogOldSchema(logger, v.Value, required);
                return Migration.SchemaOutdated;
            case var v when v > required:
                LogNewerSchema(logger, v.Value, required);
                return null;
            default:
                LogSchemaCurrent(logger, required);
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "The PostgreSQL database has no BroadcastGrains schema (this silo needs version {Required}). Run `migrate` first: dotnet BroadcastGrains.Silo.dll migrate (same Broadcast__Storage and ConnectionStrings__Postgres). Refusing to start.")]
    static partial void LogNoSchema(ILogger logger, int required);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "The PostgreSQL schema is at version {Version}, older than this silo's {Required}. Run `migrate` first: dotnet BroadcastGrains.Silo.dll migrate (same Broadcast__Storage and ConnectionStrings__Postgres). Refusing to start.")]
    static partial void LogOldSchema(ILogger logger, int version, int required);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL schema is at version {Version}, newer than this silo's {Required}; starting anyway")]
    static partial void LogNewerSchema(ILogger logger, int version, int required);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema version {Version}: current")]
    static partial void LogSchemaCurrent(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL does not answer yet ({Reason}); retrying")]
    static partial void LogWaiting(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot read the schema version from PostgreSQL. Refusing to start.")]
    static partial void LogUnreachable(ILogger logger, Exception exception);
}
