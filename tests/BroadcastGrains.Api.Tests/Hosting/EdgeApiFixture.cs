using BroadcastGrains.Storage;
using BroadcastGrains.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>
/// A silo with the HTTP edge's protections at test-sized settings: a per-address limit of
/// <see cref="AnonymousBurst"/> requests without valid credentials, with one more allowed per minute; tracing exported
/// over OTLP (to a port where nothing listens: what matters is what the pipeline hands the exporter); 127.0.0.1 as the
/// one trusted proxy, so tests send <c>X-Forwarded-*</c> as a reverse proxy on this host would; and a storage probe
/// tests can make fail.
/// </summary>
public sealed class EdgeApiFixture : ApiFixture
{
    public const int AnonymousBurst = 3;

    public SwitchableStorageProbe Storage { get; } = new();

    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Broadcast:Http:AnonymousLimit:Burst"] = AnonymousBurst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Broadcast:Http:AnonymousLimit:PerMinute"] = "1";
        settings["Broadcast:Http:TrustedProxies"] = "127.0.0.1";
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStorageProbe>(Storage));
    }
}
