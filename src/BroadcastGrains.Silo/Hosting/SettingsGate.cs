using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Before the silo starts: every options class bound with <c>AddSettings</c> is checked at once, and a bad value stops
/// the silo with exit code 2 and one line per setting, naming it, instead of an unhandled exception deep in Orleans
/// or in the first grain that reads it. Runs before Orleans joins a cluster or opens a port.
/// </summary>
internal static partial class SettingsGate
{
    /// <summary>Null when the silo may start; otherwise the exit code, with the reasons logged.</summary>
    public static int? Check(WebApplication app)
    {
        var failures = Failures(app.Services.GetRequiredService<IStartupValidator>());
        if (failures.Count == 0)
        {
            return null;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BroadcastGrains.Silo.Settings");
        foreach (var failure in failures)
        {
            LogBadSetting(logger, failure);
        }
        return Migration.BadConfiguration;
    }

    static List<string> Failures(IStartupValidator validator)
    {
        try
        {
            validator.Validate();
            return [];
        }
        catch (OptionsValidationException invalid)
        {
            return [.. invalid.Failures];
        }
        catch (AggregateException several) when (several.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // An options class that reads another (webhooks read the broadcast section) repeats that one's failure.
            return [.. several.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Distinct(StringComparer.Ordinal)];
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Failure} Refusing to start.")]
    static partial void LogBadSetting(ILogger logger, string failure);
}
