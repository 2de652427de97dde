using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>
/// API.md "Carrier callbacks" and "Webhooks": a STOP that arrives while a broadcast is sending stops that number if it
/// was not sent yet, puts it on the opt-out list and raises a signed <c>contact.opted_out</c>; other replies count.
/// </summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class InboundStopTests(CatalogueApiFixture api)
{
    const string Secret = "whsec-test-1";

    [Fact]
    public async Task A_STOP_during_a_drip_broadcast_opts_the_number_out_before_it_is_sent_and_a_signed_webhook_arrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await Clients.CreateAsync(api, new JsonObject { ["webhookUrl"] = receiver.Url, ["webhookSecret"] = Secret }, credits: 10);
        // A sender name of its own: an inbound message belongs to every client owning the name it was sent to.
        var sender = "In" + Guid.NewGuid().ToString("N")[..8];
        await Clients.ApproveSenderAsync(api, client.ClientId, sender);
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(13125550000, 40));
        var body = CreateBodies.Body(numbers);
        body["from"] = sender;
        body["scheduleMode"] = "drip";
        body["dripRatePerMinute"] = 600;
        body["scheduledAt"] = DateTimeOffset.UtcNow.AddSeconds(1).ToString("O");
        var broadcast = await client.SendAsync(body);
        var id = broadcast.Str("id");
        await client.WaitForStatusAsync(id, "sending");

        // The last recipient (sent last, ~4 s in) texts STOP, padded and in lower case.
        var stopped = numbers[^1];
        var outcome = await InboundAsync(stopped, sender.ToUpperInvariant(), "  stop ");
        Assert.Equal(("opt_out", 1), (outcome.Str("kind"), (int)outcome.Long("clients")));

        var done = await client.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(60));
        Assert.Equal(1, done["drSummary"]!.Long("optedOut"));
        Assert.Equal(numbers.Length - 1, done["drSummary"]!.Long("delivered"));
        Assert.Equal((numbers.Length - 1) * 0.01m, done.Dec("spentCredits"));
        var recipient = (await client.RecipientsAsync(id)).Single(r => r.Str("to") == stopped);
        Assert.Equal(("opted_out", 0m), (recipient.Str("status"), recipient.Dec("credits")));
        var optOut = (await client.Http.GetJsonAsync("/v1/opt-outs")).Arr("items").Single()!;
        Assert.Equal((stopped, "inbound"), (optOut.Str("phone"), optOut.Str("source")));

        // The webhook: signed over t + "." + body with the client's secret.
        var delivery = await Eventually.ReadAsync(() => Task.FromResult(receiver.Requests.ToList()),
            rs => rs.Any(r => r.Body.Contains("contact.opted_out", StringComparison.Ordinal)), "a contact.opted_out webhook");
        var (raw, signature, _) = delivery.First(r => r.Body.Contains("contact.opted_out", StringComparison.Ordinal));
        Assert.True(WebhookReceiver.IsSigned(Secret, signature, raw), $"signature {signature} does not sign the body");
        var opted = JsonNode.Parse(raw)!;
        Assert.StartsWith("evt_", opted.Str("id"));
        Assert.Equal((stopped, "inbound"), (opted["data"]!.Str("phone"), opted["data"]!.Str("source")));
        // Status events come too (message.* only when subscribed); each carries the broadcast object.
        var types = await Eventually.ReadAsync(() => Task.FromResult(receiver.Accepted().Select(e => e.Str("type")).ToList()),
            t => t.Contains("broadcast.send_completed"), "broadcast.send_completed");
        Assert.Contains("broadcast.scheduled", types);
        Assert.Contains("broadcast.send_started", types);
        Assert.DoesNotContain(types, t => t.StartsWith("message.", StringComparison.Ordinal));
        Assert.Equal(id, receiver.Accepted().First(e => e.Str("type") == "broadcast.send_completed")["data"]!.Str("id"));

        // START takes the number off the list again; any other text is a reply, counted on the broadcast.
        Assert.Equal("opt_in", (await InboundAsync(stopped, sender, "Start")).Str("kind"));
        Assert.Empty((await client.Http.GetJsonAsync("/v1/opt-outs")).Arr("items"));
        var reply = await InboundAsync(numbers[0], sender, "Thanks! Is the sale on Sunday too?");
        Assert.Equal(("reply", 1), (reply.Str("kind"), (int)reply.Long("countedReplies")));
        await Eventually.ReadAsync(() => client.BroadcastAsync(id), b => b.Long("replyCount") == 1, "replyCount 1");
    }

    [Fact]
    public async Task The_inbound_callback_needs_the_carrier_secret_and_a_sender()
    {
        using var anonymous = api.Anonymous();
        using var unauthenticated = await anonymous.PostJsonAsync("/v1/carrier/simulator/inbound", new { from = "+12125551234", to = "MyShop", text = "STOP" });
        await unauthenticated.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        anonymous.DefaultRequestHeaders.Add("X-Carrier-Secret", ApiFixture.CarrierSecret);
        using var noSender = await anonymous.PostJsonAsync("/v1/carrier/simulator/inbound", new { from = "+12125551234", text = "STOP" });
        await noSender.AssertValidationAsync("to");
        using var nobody = await anonymous.PostJsonAsync("/v1/carrier/simulator/inbound", new { from = "+12125551234", to = "NoOneHas", text = "STOP" });
        Assert.Equal(0, (await nobody.ReadJsonAsync(HttpStatusCode.OK)).Long("clients"));
    }

    Task<JsonNode> InboundAsync(string from, string to, string text) => CarrierInbound.PostAsync(api, from, to, text);
}
