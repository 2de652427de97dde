using BroadcastGrains.Hosting;
namespace BroadcastGrains.Silo.Limits;

/// <summary>Registers and places the per-address limit on requests without valid credentials.</summary>
internal static class AnonymousLimitSetup
{
    public static void AddAnonymousLimit(this IServiceCollection services)
    {
        services.AddSettings<AnonymousLimitOptions>(AnonymousLimitOptions.Section);
        services.AddSingleton<AnonymousRequestLimiter>();
    }

    /// <summary>Between authentication (it must know who is authenticated) and authorization (which answers the 401s).</summary>
    public static void UseAnonymousLimit(this WebApplication app) => app.UseMiddleware<AnonymousRateLimitMiddleware>();
}
