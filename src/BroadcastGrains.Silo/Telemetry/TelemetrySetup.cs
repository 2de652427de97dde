using BroadcastGrains.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// OpenTelemetry for the silo: the cluster's own meter, Orleans', ASP.NET Core's, the runtime's and Npgsql's, scraped by
/// Prometheus at <c>/metrics</c>; traces from HTTP requests through grain calls, exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (without an exporter no tracer listens, so grain calls cost nothing extra),
/// with phone numbers and free text taken out first (<see cref="TraceRedaction"/>).
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    public const string ServiceName = "broadcastgrains-silo";

    /// <summary>Orleans' meter (silo, messaging, catalog, storage instruments).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The activity sources of Orleans' call propagation (<c>AddActivityPropagation</c>).</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddBroadcastTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(BroadcastMetrics.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrEmpty(builder.Configuration[OtlpEndpointSetting]))
        {
            // The redaction processor is added before the exporter's, so the exporter sees only redacted spans.
            otel.WithTracing(tracing => tracing
                    .AddProcessor(new TraceRedactionProcessor())
                    .AddSource(OrleansActivitySources)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrape(context))
                    .AddNpgsql())
                .UseOtlpExporter();
        }
    }

    /// <summary>Grain calls carry the caller's trace context, so an HTTP request's trace continues into its grains.</summary>
    public static ISiloBuilder AddBroadcastTracing(this ISiloBuilder silo) => silo.AddActivityPropagation();

    /// <summary><c>/metrics</c> in the Prometheus text format; no key (API.md: expose it only inside the network).</summary>
    public static void MapBroadcastMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().ExcludeFromDescription();

    static bool IsScrape(HttpContext context) => context.Request.Path.StartsWithSegments(MetricsPath);
}
