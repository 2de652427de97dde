using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;
using BroadcastGrains.Testing;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>Issue 20 item 6: <c>wallet.low_balance</c> when available falls below <c>lowBalanceAlert</c>, once per crossing.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class LowBalanceEventTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task Falling_below_the_alert_sends_one_low_balance_event_with_the_wallet()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await Clients.CreateAsync(api, new JsonObject
        {
            ["webhookUrl"] = receiver.Url, ["lowBalanceAlert"] = 4.995,
        }, credits: 5);

        var first = await client.SendAsync(CreateBodies.Body("+12125551234"));
        await client.WaitForStatusAsync(first.Str("id"), "completed");
        var second = await client.SendAsync(CreateBodies.Body("+12125551235"));
        await client.WaitForStatusAsync(second.Str("id"), "completed");

        await Eventually.ReadAsync(() => Task.FromResult(receiver.Accepted().Count(e => e.Str("type") == "broadcast.send_completed")),
            n => n >= 2, "both broadcasts' send_completed");
        var alerts = receiver.Accepted().Where(e => e.Str("type") == "wallet.low_balance").ToList();
        var alert = Assert.Single(alerts);
        Assert.True(alert["data"]!.Dec("available") < 4.995m, alert.ToJsonString());
        Assert.Equal("credits", alert["data"]!.Str("currency"));
    }
}
