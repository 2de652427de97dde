using BroadcastGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Webhooks;

/// <summary>Registers webhook delivery: options, the guarded HTTP client and the default payload formatter.</summary>
internal static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        // API.md: private targets are allowed by default only on the embedded (Memory) default.
        services.AddOptions<WebhookOptions>().PostConfigure<IOptions<BroadcastOptions>>((o, broadcast) =>
            o.AllowPrivateTargets ??= broadcast.Value.Storage == StorageKind.Memory);
        services.TryAddSingleton<IWebhookPayloadFormatter, DefaultWebhookPayloadFormatter>();
        services.TryAddSingleton<WebhookTargetGuard>();
        services.AddHttpClient(WebhookSenderGrain.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
                AllowAutoRedirect = false,
                // A system proxy (HTTP_PROXY, the host's settings) would make the connection, to the URL's host, and
                // the guard would only ever see the proxy's address.
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        return services;
    }
}
