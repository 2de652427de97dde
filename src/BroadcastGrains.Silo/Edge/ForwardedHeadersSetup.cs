using BroadcastGrains.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Edge;

/// <summary>
/// Forwarded headers only from the proxies <see cref="TrustedProxyOptions"/> names. ASP.NET Core's defaults would trust
/// loopback proxies; they are cleared, so the list is exactly what the operator wrote. Behind trusted proxies the
/// client address (IP allowlists, the per-address limit) and the scheme (the dashboard cookie's <c>Secure</c>) are the
/// forwarded ones; the first address from the right that is not a trusted proxy is the client.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void AddTrustedProxies(this IServiceCollection services)
    {
        services.AddSettings<TrustedProxyOptions>(TrustedProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Walk back through every trusted hop, not just the last one.
            forwarded.ForwardLimit = null;
            foreach (var network in trusted.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary>First in the pipeline, so everything after sees the forwarded client; nothing at all without proxies.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.Networks().Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}
