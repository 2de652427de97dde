using BroadcastGrains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Tests.Webhooks;

/// <summary>Issue 14 item 8: the webhook client connects itself, never through a system proxy.</summary>
public sealed class WebhookHttpClientTests
{
    [Fact]
    public void The_webhook_handler_ignores_proxy_settings_and_connects_through_the_guard()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddWebhooks();
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(WebhookSenderGrain.HttpClientName);
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.UseProxy);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.NotNull(sockets.ConnectCallback);
    }
}
