using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Hosting;

/// <summary>How every options class of the silo is bound: to its section, checked once when the host starts.</summary>
public static class SettingsOptionsBuilder
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and checks it with
    /// <see cref="SettingsValidation{TOptions}"/> at start, so a bad value stops the silo before it serves, naming the
    /// setting, rather than failing the first request or grain that reads it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        // One check per options class however often its feature is added (TryAddEnumerable keys on the validator's type).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SettingsValidation<TOptions>(section)));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
