namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Before any silo starts: its cluster addresses resolve. Otherwise Orleans would fail half-way through start-up with a
/// socket error that names none of our settings.
/// </summary>
internal static partial class ClusterGate
{
    /// <summary>Null when the silo may start; otherwise the exit code, with the reason logged.</summary>
    public static int? Check(IConfiguration configuration)
    {
        var settings = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        string reason;
        try
        {
            ClusterEndpoints.Resolve(settings);
            return null;
        }
        catch (ArgumentException e)
        {
            reason = e.Message;
        }
        using var loggers = Migration.CreateLoggers(configuration);
        LogRefused(loggers.CreateLogger("BroadcastGrains.Silo.Cluster"), reason);
        return Migration.BadConfiguration;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason} Refusing to start.")]
    static partial void LogRefused(ILogger logger, string reason);
}
