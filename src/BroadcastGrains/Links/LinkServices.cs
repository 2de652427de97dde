using BroadcastGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BroadcastGrains.Links;

/// <summary>Registers link tracking: its settings, the redirect resolver and the click flusher of each silo.</summary>
public static class LinkServices
{
    public static IServiceCollection AddLinkTracking(this IServiceCollection services)
    {
        services.AddSettings<LinkOptions>(LinkOptions.Section);
        services.TryAddSingleton<LinkRedirects>();
        services.TryAddSingleton<ClickFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ClickFlusher>());
        return services;
    }
}
