using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Carrier.Twilio;

/// <summary>
/// A submit whose connection the carrier dropped after reading it counts as sent, is never submitted again, and ends
/// <c>timeout</c> when no callback comes; a STOP through the Twilio inbound webhook opts the number out for the client
/// that sent to it, and only when the signature is right.
/// </summary>
[Collection(TwilioApiCollection.Name)]
public sealed class TwilioUnconfirmedAndInboundTests(TwilioApiFixture api)
{
    static readonly string InboundUrl = $"{TwilioApiFixture.PublicBase.ToString().TrimEnd('/')}/v1/carrier/{TwilioApiFixture.Connector}/inbound";

    [Fact]
    public async Task A_connection_dropped_after_the_write_is_sent_once_and_ends_timeout()
    {
        using var tenant = await Tenant.CreateAsync(api, credits: 100);
        var delivered = CreateBodies.E164(CreateBodies.ValidNumbers(13125582000, 1))[0];
        var id = (await tenant.SendAsync(CreateBodies.Body([.. TwilioApiFixture.DroppedNumbers, delivered]))).Str("id");

        var sent = await Eventually.ReadAsync(() => tenant.BroadcastAsync(id), b => b["drSummary"]!.Long("delivered") == 1,
            "the answered recipient delivered", TimeSpan.FromMinutes(1));
        var done = await tenant.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(3));

        var taken = await api.Twilio.TakenAsync(TwilioApiFixture.DroppedNumbers);
        Assert.Equal((2, 1), ((int)taken.Long("taken"), (int)taken.Long("maxPerTo")));
        var recipients = (await tenant.RecipientsAsync(id)).ToDictionary(r => r.Str("to"));
        Assert.All(TwilioApiFixture.DroppedNumbers, n => Assert.Equal("timeout", recipients[n].Str("status")));
        Assert.Equal("delivered", recipients[delivered].Str("status"));
        // Counted as sent: an unconfirmed message is charged like any message the carrier may have.
        Assert.Equal(sent.Dec("estimatedCredits"), done.Dec("spentCredits"));
    }

    [Fact]
    public async Task An_inbound_stop_with_media_opts_the_number_out_for_the_client_that_sent_to_it()
    {
        using var sender = await Tenant.CreateAsync(api, credits: 100);
        using var bystander = await Tenant.CreateAsync(api, credits: 100);
        var number = CreateBodies.E164(CreateBodies.ValidNumbers(13125583000, 1))[0];
        var id = (await sender.SendAsync(CreateBodies.Body(number))).Str("id");
        await sender.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(1));

        var forged = await api.Twilio.PostAsync("/control/callback", new JsonObject
        {
            ["url"] = InboundUrl,
            ["params"] = new JsonArray(new JsonArray("From", number), new JsonArray("To", ApiFixture.SharedSender),
                new JsonArray("Body", "STOP"), new JsonArray("NumMedia", "0")),
            ["signature"] = "Zm9yZ2VkIHNpZ25hdHVyZSE=",
        });
        Assert.Equal(401, forged.Long("status"));
        Assert.Empty(await OptOutsAsync(sender));

        var stop = await api.Twilio.PostAsync("/control/inbound", new JsonObject
        {
            ["url"] = InboundUrl,
            ["from"] = number,
            ["to"] = ApiFixture.SharedSender,
            ["body"] = "STOP",
            ["media"] = new JsonArray("https://media.example.com/selfie.jpg"),
        });

        Assert.Equal(200, stop.Long("status"));
        Assert.Contains("<Response/>", stop.Str("body"), StringComparison.Ordinal);
        Assert.Equal([number], await OptOutsAsync(sender));
        Assert.Empty(await OptOutsAsync(bystander));
    }

    static async Task<List<string>> OptOutsAsync(Tenant tenant) =>
        (await tenant.Http.GetJsonAsync("/v1/opt-outs")).Arr("items").Select(i => i!.Str("phone")).ToList();
}
