using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Carrier.Twilio;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Carrier.Mixed;

/// <summary>
/// Issue 16 with both kinds of connector in one silo, counted at the upstream processes themselves: US routed to the
/// HTTP carrier and UG to the SMSC in one broadcast, each upstream got exactly its numbers; an MMS whose route has only
/// the SMPP connector is <c>blocked</c> <c>mms_not_supported</c> and costs nothing, though an MMS-capable connector is
/// configured (routed elsewhere).
/// </summary>
[Collection(HttpAndSmppApiCollection.Name)]
public sealed class MixedConnectorRoutingTests(HttpAndSmppApiFixture api)
{
    const string UsRoute = "US_HTTP";
    const string UgRoute = "UG_SMPP";

    /// <summary>Ugandan numbers (+256 77 …) whose last four digits run 1000–9999, so the test SMSC delivers them.</summary>
    static string Ug(int i) => string.Create(CultureInfo.InvariantCulture, $"+2567720{i / 9000}{1000 + (i % 9000)}");

    [Fact]
    public async Task Us_goes_through_the_http_carrier_and_ug_through_the_smsc_each_getting_exactly_its_numbers()
    {
        await RouteAsync();
        using var tenant = await Tenant.CreateAsync(api, credits: 1000);
        var us = CreateBodies.E164(CreateBodies.ValidNumbers(13125580000, 200));
        var ug = Enumerable.Range(0, 300).Select(Ug).ToArray();
        var before = await api.Smsc.Control.StatsAsync(HttpAndSmppApiFixture.SystemId);

        var id = (await tenant.SendAsync(CreateBodies.Body([.. us, .. ug]))).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(2));

        Assert.Equal(500, done["drSummary"]!.Long("delivered"));
        var atCarrier = await api.Twilio.TakenAsync(us);
        Assert.Equal((200, 1), (atCarrier.Long("taken"), atCarrier.Long("maxPerTo")));
        Assert.Equal(0, (await api.Twilio.TakenAsync(ug)).Long("taken"));
        var after = await api.Smsc.Control.StatsAsync(HttpAndSmppApiFixture.SystemId);
        Assert.Equal((300, 0), (after.Accepted - before.Accepted, after.Duplicates - before.Duplicates));
        foreach (var number in ug)
        {
            Assert.Single(await api.Smsc.Control.MessagesAsync(HttpAndSmppApiFixture.SystemId, number[1..]));
        }
        foreach (var number in us.Take(20))
        {
            Assert.Empty(await api.Smsc.Control.MessagesAsync(HttpAndSmppApiFixture.SystemId, number[1..]));
        }
        var recipients = await tenant.RecipientsAsync(id);
        Assert.All(recipients, r => Assert.Equal(
            r!.Str("to").StartsWith("+1", StringComparison.Ordinal)
                ? (UsRoute, TwilioApiFixture.Connector)
                : (UgRoute, HttpAndSmppApiFixture.SmppConnector),
            (r.Str("route"), r.Str("connector"))));
    }

    [Fact]
    public async Task An_mms_routed_only_to_smpp_is_blocked_mms_not_supported_and_charged_nothing()
    {
        await RouteAsync();
        using var tenant = await Tenant.CreateAsync(api, credits: 1000);
        var ug = Enumerable.Range(5000, 40).Select(Ug).ToArray();
        var body = CreateBodies.Body(ug);
        body["mediaUrls"] = new JsonArray("https://cdn.example.com/a.png", "https://cdn.example.com/b.png");
        var before = await api.Smsc.Control.StatsAsync(HttpAndSmppApiFixture.SystemId);

        var id = (await tenant.SendAsync(body)).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(1));

        Assert.Equal((40, 0m), (done["drSummary"]!.Long("blocked"), done.Dec("spentCredits")));
        var recipients = await tenant.RecipientsAsync(id);
        Assert.Equal(40, recipients.Count);
        Assert.All(recipients, r => Assert.Equal(("blocked", "mms_not_supported", 0m, UgRoute),
            (r!.Str("status"), r.Str("error"), r.Dec("credits"), r.Str("route"))));
        var wallet = await tenant.WalletAsync();
        Assert.Equal((1000m, 0m), (wallet.Dec("balance"), wallet.Dec("held")));
        Assert.Equal(0, (await api.Twilio.TakenAsync(ug)).Long("taken"));
        var after = await api.Smsc.Control.StatsAsync(HttpAndSmppApiFixture.SystemId);
        Assert.Equal(0, after.SubmitPdus - before.SubmitPdus);
    }

    /// <summary>US to the HTTP connector, UG to the SMPP one; then waits until every silo applies it and both are up.</summary>
    async Task RouteAsync()
    {
        using var admin = api.Operator();
        using var put = await admin.PutJsonAsync("/v1/admin/routes", new
        {
            routes = new object[]
            {
                new { code = UsRoute, countries = new[] { "US" }, connectors = new[] { TwilioApiFixture.Connector } },
                new { code = UgRoute, countries = new[] { "UG" }, connectors = new[] { HttpAndSmppApiFixture.SmppConnector } },
            },
        });
        await put.ReadJsonAsync(HttpStatusCode.OK);
        // The silo's copy of the table checks the table's version at most once a second.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await Eventually.ReadAsync(() => admin.GetJsonAsync("/v1/admin/connectors"),
            c => c.Arr("items").All(i => i!.Str("state") == "up"), "both connectors up", TimeSpan.FromSeconds(20));
    }
}
