using BroadcastGrains.Silo.Api.Webhooks;
using BroadcastGrains.Silo.Limits;
using BroadcastGrains.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>The tenancy side of the HTTP API: agencies, senders, templates, contact lists, opt-outs, inbound, webhooks, rate limits.</summary>
internal static class CatalogueApiSetup
{
    public static void AddCatalogueApi(this WebApplicationBuilder builder) =>
        builder.Services.Replace(ServiceDescriptor.Singleton<IWebhookPayloadFormatter, ApiWebhookPayloadFormatter>());

    /// <summary>After authentication and authorization: the limiter needs to know the client.</summary>
    public static void UseClientRateLimits(this WebApplication app) => app.UseMiddleware<ClientRateLimitMiddleware>();

    public static void MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        app.MapAgenciesApi();
        app.MapSendersApi();
        app.MapSharedSendersApi();
        app.MapTemplatesApi();
        app.MapContactListsApi();
        app.MapOptOutsApi();
        app.MapCarrierInboundApi();
        app.MapTwilioCallbackApi();
        app.MapWebhooksApi();
        app.MapOwnApiKeysApi();
        app.MapOwnWebhookApi();
        app.MapWebhookTestApi();
    }
}
