namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Before any silo starts: its cluster addresses resolve and its TLS certificate, when one is set, loads and is usable.
/// Otherwise Orleans would fail half-way through start-up with a socket or TLS error that names none of our settings,
/// or, worse, a silo meant to run with TLS would be mistaken for one that does.
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
            if (settings.TlsCertificatePath is { Length: > 0 } path)
            {
                ClusterCertificate.Load(path, settings.TlsCertificatePassword);
            }
            return null;
        }
        catch (ArgumentException e)
        {
            reason = e.Message;
        }
        catch (ClusterCertificateException e)
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
