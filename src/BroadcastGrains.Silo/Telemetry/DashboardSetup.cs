using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Authentication;
using Orleans.Dashboard;

namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// The Orleans dashboard at <c>/dashboard</c>, for the operator only: the operator key as a bearer token, or, for a
/// browser (which cannot add headers to a page load), once as <c>/dashboard?key=…</c>, which trades it for an HttpOnly
/// cookie (see <see cref="DashboardCookieHandler"/>).
/// </summary>
internal static class DashboardSetup
{
    public const string Path = "/dashboard";
    public const string Policy = "dashboard";

    public static ISiloBuilder AddBroadcastDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    public static void AddBroadcastDashboardAccess(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DashboardCookieHandler>(DashboardCookieHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName, DashboardCookieHandler.SchemeName)
            .RequireClaim(ApiKeyClaims.Operator));
    }

    public static void MapBroadcastDashboard(this WebApplication app) =>
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Policy).ExcludeFromDescription();
}
