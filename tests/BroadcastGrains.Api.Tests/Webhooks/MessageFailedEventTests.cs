using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>
/// API.md "Webhooks": <c>message.failed</c> comes for every recipient that ends in a final status other than
/// <c>delivered</c>, <c>invalid</c>, <c>opted_out</c> and <c>cancelled</c> — so also <c>blocked</c>, <c>expired</c>
/// and <c>timeout</c> — once, with the same <c>error</c> the recipients page shows.
/// </summary>
[Collection(SilentCarrierApiCollection.Name)]
public sealed class MessageFailedEventTests(SilentCarrierApiFixture api)
{
    [Fact]
    public async Task Blocked_expired_and_timed_out_recipients_each_get_one_message_failed_with_their_error()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await Clients.CreateAsync(api, new JsonObject
        {
            ["webhookUrl"] = receiver.Url, ["webhookEvents"] = new JsonArray("message.delivered", "message.failed"),
        }, credits: 5);
        // 0002 is refused at submit, 0003 gets an expired receipt, 0004 no receipt at all (this silo's mix), and the
        // invalid number raises nothing.
        string[] numbers = ["+12125550002", "+12125550003", "+12125550004"];
        var broadcast = await client.SendAsync(CreateBodies.Body([.. numbers, "+1212555"]));
        var id = broadcast.Str("id");

        // The receipt window is a minute; the timeout scan runs every 5 s.
        var done = await client.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(100));
        Assert.Equal((1, 1, 1, 1), ((int)done["drSummary"]!.Long("blocked"), (int)done["drSummary"]!.Long("expired"),
            (int)done["drSummary"]!.Long("timeout"), (int)done["drSummary"]!.Long("invalid")));
        var events = await Eventually.ReadAsync(
            () => Task.FromResult(receiver.Accepted().Where(e => e.Str("type").StartsWith("message.", StringComparison.Ordinal)).ToList()),
            e => e.Count >= numbers.Length, "a message event for each of the three numbers");

        var byNumber = events.ToLookup(e => e["data"]!.Str("to"));
        var recipients = (await client.RecipientsAsync(id)).ToDictionary(r => r.Str("to"));
        foreach (var (to, status, error) in new[]
        {
            ("+12125550002", "blocked", "carrier_rejected"), ("+12125550003", "expired", "expired"), ("+12125550004", "timeout", "no_receipt"),
        })
        {
            var only = Assert.Single(byNumber[to]);
            Assert.Equal(("message.failed", id, status, error),
                (only.Str("type"), only["data"]!.Str("broadcastId"), only["data"]!.Str("status"), only["data"]!.Str("error")));
            Assert.Equal((status, error), (recipients[to].Str("status"), recipients[to].Str("error")));
        }
        // Nothing more comes: not for the invalid number, and no second event for any of the three.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(numbers.Length, receiver.Accepted().Count(e => e.Str("type").StartsWith("message.", StringComparison.Ordinal)));
    }
}
