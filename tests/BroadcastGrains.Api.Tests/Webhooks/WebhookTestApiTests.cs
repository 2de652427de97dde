using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;
using BroadcastGrains.Testing;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>Issue 20 item 4: <c>POST /v1/webhooks/test</c> sends a signed <c>ping</c>, whatever the client subscribed to.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class WebhookTestApiTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task A_test_sends_a_signed_ping_to_the_clients_url()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await Clients.CreateAsync(api, new JsonObject
        {
            ["webhookUrl"] = receiver.Url, ["webhookSecret"] = "s3cret", ["webhookEvents"] = new JsonArray("broadcast.failed"),
        }, scopes: ["keys:write", "sms:read"]);

        using var response = await client.Http.PostEmptyAsync("/v1/webhooks/test");

        var queued = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        var ping = await Eventually.ReadAsync(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count >= 1, "the ping");
        var body = JsonNode.Parse(ping[0].Body)!;
        Assert.Equal(("ping", queued.Str("eventId")), (body.Str("type"), body.Str("id")));
        Assert.True(WebhookReceiver.IsSigned("s3cret", ping[0].Signature, ping[0].Body));
        var deliveries = (await client.Http.GetJsonAsync("/v1/webhooks/deliveries")).Arr("items");
        Assert.Contains(deliveries, d => d!.Str("eventId") == queued.Str("eventId"));
    }

    [Fact]
    public async Task A_delivered_event_is_sent_again_on_redeliver_and_another_clients_delivery_is_404()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await Clients.CreateAsync(api, new JsonObject { ["webhookUrl"] = receiver.Url }, scopes: ["keys:write", "sms:read"]);
        using var stranger = await Clients.CreateAsync(api, [], scopes: ["keys:write"]);
        using (var ping = await client.Http.PostEmptyAsync("/v1/webhooks/test"))
        {
            await ping.ReadJsonAsync(HttpStatusCode.Accepted);
        }
        var delivered = await Eventually.ReadAsync(() => client.Http.GetJsonAsync("/v1/webhooks/deliveries"),
            d => d.Arr("items").Any(i => i!.Str("status") == "delivered"), "the ping delivered");
        var deliveryId = delivered.Arr("items")[0]!.Str("id");

        using var foreign = await stranger.Http.PostEmptyAsync($"/v1/webhooks/deliveries/{deliveryId}/redeliver");
        using var again = await client.Http.PostEmptyAsync($"/v1/webhooks/deliveries/{deliveryId}/redeliver");

        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var requests = await Eventually.ReadAsync(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count >= 2, "the ping again");
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task A_test_without_a_webhook_url_is_409()
    {
        using var client = await Clients.CreateAsync(api, [], scopes: ["keys:write"]);

        using var response = await client.Http.PostEmptyAsync("/v1/webhooks/test");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
    }
}
