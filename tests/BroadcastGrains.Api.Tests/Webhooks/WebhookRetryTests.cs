using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>API.md "Webhooks": delivery is at least once, retried with backoff, and visible under <c>/v1/webhooks/deliveries</c>.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class WebhookRetryTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task An_endpoint_that_fails_its_first_attempts_gets_the_event_later()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        using var client = await Clients.CreateAsync(api, new JsonObject
        {
            ["webhookUrl"] = receiver.Url, ["webhookSecret"] = "s", ["webhookEvents"] = new JsonArray("contact.opted_out"),
        });

        using (var added = await client.Http.PostJsonAsync("/v1/opt-outs", new { phone = "+12125551234" }))
        {
            await added.ReadJsonAsync(HttpStatusCode.Created);
        }

        var delivered = await Eventually.ReadAsync(() => client.Http.GetJsonAsync("/v1/webhooks/deliveries"),
            page => page.Arr("items").Any(d => d!.Str("status") == "delivered"), "the delivery to succeed on its third attempt");
        var delivery = delivered.Arr("items").Single()!;
        Assert.Equal(("contact.opted_out", receiver.Url, 3, 200L), (delivery.Str("type"), delivery.Str("url"),
            (int)delivery.Long("attempt"), delivery.Long("responseStatus")));
        Assert.Null(delivery["nextAttemptAt"]);
        Assert.Equal([500, 500, 200], receiver.Requests.Select(r => r.Status));
        // Every attempt sent the same event.
        Assert.Single(receiver.Requests.Select(r => JsonNode.Parse(r.Body)!.Str("id")).Distinct());
        Assert.Equal(delivery.Str("eventId"), JsonNode.Parse(receiver.Requests.Last().Body)!.Str("id"));
    }

    [Fact]
    public async Task A_client_gets_only_the_types_it_subscribed_to()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await Clients.CreateAsync(api, new JsonObject
        {
            ["webhookUrl"] = receiver.Url, ["webhookEvents"] = new JsonArray("broadcast.send_completed", "message.delivered"),
        }, credits: 5);
        var broadcast = await client.SendAsync(CreateBodies.Body("+12125551234", "+12125551235"));
        await client.WaitForStatusAsync(broadcast.Str("id"), "completed");
        using (var optOut = await client.Http.PostJsonAsync("/v1/opt-outs", new { phone = "+12125559999" }))
        {
            await optOut.ReadJsonAsync(HttpStatusCode.Created);
        }

        var types = await Eventually.ReadAsync(() => Task.FromResult(receiver.Accepted().Select(e => e.Str("type")).Order().ToList()),
            t => t.Count >= 3, "three events");
        Assert.Equal(["broadcast.send_completed", "message.delivered", "message.delivered"], types);
        var message = receiver.Accepted().First(e => e.Str("type") == "message.delivered")["data"]!;
        Assert.Equal((broadcast.Str("id"), "delivered"), (message.Str("broadcastId"), message.Str("status")));
    }
}
