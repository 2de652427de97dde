using System.ComponentModel.DataAnnotations;
using BroadcastGrains.Hosting;
using BroadcastGrains.Storage.Postgres;
using Npgsql;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// <c>migrate</c>: creates or upgrades the storage schema, then exits (0 when the schema is current, whether or not
/// anything had to change).
/// </summary>
internal static partial class Migration
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadConfiguration = 2;
    public const int SchemaOutdated = 3;

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        using var loggers = CreateLoggers(configuration);
        var logger = loggers.CreateLogger("BroadcastGrains.Migrate");
        if (configuration.GetValue($"{BroadcastOptions.Section}:Storage", StorageKind.Memory) == StorageKind.Memory)
        {
            LogMemory(logger);
            return Done;
        }
        if (ReadOptions(configuration, logger) is not { } options)
        {
            return BadConfiguration;
        }
        await using var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            var result = await new SchemaMigrator(dataSource, loggers.CreateLogger<SchemaMigrator>()).MigrateAsync(CancellationToken.None);
            if (result.Applied.Count == 0)
            {
                LogUpToDate(logger, result.After);
            }
            else
            {
                LogMigrated(logger, result.Before?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", result.After, result.Applied.Count);
            }
            return Done;
        }
        catch (NpgsqlException e)
        {
            LogFailed(logger, e);
            return Failed;
        }
    }

    /// <summary>The bound and validated connection options, or null (logged) when they are missing.</summary>
    internal static PostgresOptions? ReadOptions(IConfiguration configuration, ILogger logger)
    {
        var options = configuration.GetSection(PostgresOptions.Section).Get<PostgresOptions>() ?? new PostgresOptions();
        var errors = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            return options;
        }
        LogBadConfiguration(logger, string.Join(" ", errors.Select(e => e.ErrorMessage)));
        return null;
    }

    /// <summary>Console logging for the moments before (or instead of) the host: <c>migrate</c> and the schema gate.</summary>
    internal static ILoggerFactory CreateLoggers(IConfiguration configuration) => LoggerFactory.Create(b => b
        .AddConfiguration(configuration.GetSection("Logging"))
        .AddSimpleConsole(o => o.SingleLine = true));

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast__Storage=Memory keeps everything in memory: there is no schema to migrate")]
    static partial void LogMemory(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The PostgreSQL schema is at version {Version}, the latest: nothing to do")]
    static partial void LogUpToDate(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated the PostgreSQL schema from version {Before} to {After} ({Steps} steps)")]
    static partial void LogMigrated(ILogger logger, string before, int after, int steps);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration failed and was rolled back; the database is unchanged")]
    static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Configuration error: {Errors}")]
    static partial void LogBadConfiguration(ILogger logger, string errors);
}
