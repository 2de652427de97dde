using BroadcastGrains.Hosting;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Ctrl+C on the embedded default. Once the host stops, grains still settle and report, yet their calls find no silo to
/// place grains on and in-memory storage already gone: Orleans and the grains log each of those failures with its stack
/// trace, a screen of them for work whose results would vanish with the process anyway. In memory mode, warnings and
/// errors logged after the stop began are therefore held back and replaced by one line; with PostgreSQL storage every
/// one is logged, since there the work matters and an operator must see what did not finish.
/// </summary>
internal sealed partial class QuietStop
{
    volatile bool _stopping;
    int _heldBack;

    public static void AddTo(WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(BroadcastOptions.Section).GetValue<StorageKind?>(nameof(BroadcastOptions.Storage));
        if (storage is not (null or StorageKind.Memory))
        {
            return;
        }
        var quiet = new QuietStop();
        builder.Services.AddSingleton(quiet);
        // The check joins every configured filter rule (a category's own rule, such as appsettings' "Orleans": "Warning",
        // wins over a rule for every category), keeping each rule's level; where no rule covers every category, one at
        // the minimum level does.
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var rules = options.Rules.ToList();
            options.Rules.Clear();
            foreach (var rule in rules)
            {
                var own = rule.Filter;
                options.Rules.Add(new LoggerFilterRule(rule.ProviderName, rule.CategoryName, rule.LogLevel,
                    (provider, category, level) => quiet.Allows(level) && (own?.Invoke(provider, category, level) ?? true)));
            }
            if (!rules.Exists(r => r.ProviderName is null && r.CategoryName is null))
            {
                options.Rules.Add(new LoggerFilterRule(null, null, options.MinLevel, (_, _, level) => quiet.Allows(level)));
            }
        });
    }

    /// <summary>Arms the filter when the host begins to stop and says once, at the end, what it held back.</summary>
    public static void Watch(WebApplication app)
    {
        if (app.Services.GetService<QuietStop>() is not { } quiet)
        {
            return;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BroadcastGrains.Silo");
        app.Lifetime.ApplicationStopping.Register(() => quiet._stopping = true);
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            if (Volatile.Read(ref quiet._heldBack) > 0)
            {
                Log.HeldBack(logger);
            }
        });
    }

    bool Allows(LogLevel level)
    {
        if (!_stopping || level is < LogLevel.Warning or LogLevel.Critical)
        {
            return true;
        }
        Interlocked.Increment(ref _heldBack);
        return false;
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Stopped. Work cut short by the stop was not logged: in-memory storage keeps nothing after this process.")]
        public static partial void HeldBack(ILogger logger);
    }
}
