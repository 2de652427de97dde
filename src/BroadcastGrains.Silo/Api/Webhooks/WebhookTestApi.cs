using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using BroadcastGrains.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Webhooks;

/// <summary>
/// <c>POST /v1/webhooks/test</c> (scope <c>keys:write</c>): queues a <c>ping</c> to the client's webhook; and
/// <c>POST /v1/webhooks/deliveries/{id}/redeliver</c>: sends one of its deliveries again.
/// </summary>
internal static class WebhookTestApi
{
    internal sealed record PingQueued(string EventId, string Url);

    public static void MapWebhookTestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/webhooks/test", PingAsync).RequireAuthorization(Scopes.KeysWrite).WithTags("Webhooks").WithName("PingWebhook");
        app.MapPost("/v1/webhooks/deliveries/{id}/redeliver", RedeliverAsync).RequireAuthorization(Scopes.KeysWrite).WithTags("Webhooks")
            .WithName("RedeliverWebhook");
    }

    static async Task<Results<Accepted, ProblemHttpResult>> RedeliverAsync(string id, ClientContext client, IGrainFactory grains) =>
        await grains.GetGrain<IWebhookOutboxGrain>(client.ClientId).RedeliverAsync(id)
            ? TypedResults.Accepted("/v1/webhooks/deliveries")
            : ApiProblems.Result(ErrorCodes.NotFound, $"no webhook delivery '{id}'");

    static async Task<Results<Accepted<PingQueued>, ProblemHttpResult>> PingAsync(
        ClientContext client, IGrainFactory grains, TimeProvider time)
    {
        var profile = await grains.GetGrain<IClientGrain>(client.ClientId).GetAsync();
        if (profile?.WebhookUrl is not { } url)
        {
            return ApiProblems.Result(ErrorCodes.InvalidState, "no webhook URL is set (PUT /v1/webhook)");
        }
        var now = time.GetUtcNow();
        // Each test is its own event: a ping sent twice arrives twice.
        var id = WebhookEventIds.Of(client.ClientId, WebhookEventTypes.Ping, Guid.NewGuid().ToString("N"));
        await grains.GetGrain<IWebhookOutboxGrain>(client.ClientId).EnqueueAsync([new WebhookEvent(id, WebhookEventTypes.Ping, now)]);
        return TypedResults.Accepted("/v1/webhooks/deliveries", new PingQueued(id, url));
    }
}
