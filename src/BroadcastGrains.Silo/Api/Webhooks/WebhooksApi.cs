using BroadcastGrains.Silo.Auth;
using BroadcastGrains.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Webhooks;

/// <summary><c>GET /v1/webhooks/deliveries</c>: the client's webhook deliveries, newest first.</summary>
internal static class WebhooksApi
{
    public static void MapWebhooksApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/webhooks/deliveries", DeliveriesAsync).RequireAuthorization(Scopes.SmsRead).WithTags("Webhooks")
            .WithName("ListWebhookDeliveries");

    static async Task<Results<Ok<Page<WebhookDelivery>>, ProblemHttpResult>> DeliveriesAsync(
        string? limit, string? cursor, ClientContext client, IGrainFactory grains)
    {
        if ((PagingQuery.CheckLimit(limit, out var take) ?? PagingQuery.CheckCursor(cursor)) is { } badPaging)
        {
            return badPaging;
        }
        var page = await grains.GetGrain<IWebhookOutboxGrain>(client.ClientId).ListDeliveriesAsync(cursor, take);
        return TypedResults.Ok(Page<WebhookDelivery>.Of(page.Items, page.NextCursor));
    }
}
