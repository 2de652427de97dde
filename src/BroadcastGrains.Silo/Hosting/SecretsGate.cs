using BroadcastGrains.Hosting;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Before a PostgreSQL silo starts: its operator key and carrier secret, when set, must pass <see cref="SecretRule"/>.
/// Unset ones are fine (<see cref="StartupSecrets"/> picks random ones for the run). Checked before storage is touched,
/// so a refused silo has read and written nothing. The in-memory default is a local trial and is not checked.
/// </summary>
internal static partial class SecretsGate
{
    static readonly string[] Settings = ["AdminKey", "CarrierSecret"];

    /// <summary>Null when the silo may start; otherwise the exit code, with the reason logged.</summary>
    public static int? Check(IConfiguration configuration)
    {
        if (configuration.GetValue($"{BroadcastOptions.Section}:Storage", StorageKind.Memory) != StorageKind.Postgres)
        {
            return null;
        }
        var refused = Settings
            .Select(name => (name, reason: SecretRule.Refusal(configuration[$"{BroadcastOptions.Section}:{name}"])))
            .Where(s => s.reason is not null)
            .ToList();
        if (refused.Count == 0)
        {
            return null;
        }
        using var loggers = Migration.CreateLoggers(configuration);
        var logger = loggers.CreateLogger("BroadcastGrains.Silo.Secrets");
        foreach (var (name, reason) in refused)
        {
            LogWeakSecret(logger, name, reason!);
        }
        return Migration.BadConfiguration;
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Broadcast__{Setting} {Reason}. With PostgreSQL storage the operator key and carrier secret must be your own random values of 24 characters or more (e.g. openssl rand -base64 32). Refusing to start.")]
    static partial void LogWeakSecret(ILogger logger, string setting, string reason);
}
