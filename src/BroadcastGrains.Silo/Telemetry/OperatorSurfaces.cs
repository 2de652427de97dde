using BroadcastGrains.Silo.Health;
using BroadcastGrains.Silo.OpenApi;

namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// API.md's operator surfaces in one place: <c>/metrics</c> and <c>/health/*</c> (no key; inside the network only),
/// <c>/openapi/v1.json</c> and <c>/docs</c> (public), <c>/dashboard</c> (operator key) and <c>/ui</c> (a client's own key).
/// </summary>
internal static class OperatorSurfaces
{
    public static void AddOperatorSurfaces(this WebApplicationBuilder builder)
    {
        builder.AddBroadcastTelemetry();
        builder.Services.AddBroadcastDashboardAccess();
        builder.Services.AddBroadcastOpenApi();
        builder.Services.AddReadinessChecks();
    }

    /// <summary>The silo's part: trace context through grain calls, and the dashboard's grain-side services.</summary>
    public static ISiloBuilder AddOperatorSurfaces(this ISiloBuilder silo) => silo.AddBroadcastTracing().AddBroadcastDashboard();

    public static void MapOperatorSurfaces(this WebApplication app)
    {
        app.UseStreamsEndOnShutdown();
        app.MapBroadcastMetrics();
        app.MapBroadcastDashboard();
        app.MapBroadcastOpenApi();
        app.MapUiPage();
    }
}
