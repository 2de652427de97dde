using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Walkthrough;

/// <summary>The README's curl walkthrough, step by step, as an operator and a client would run it.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadmeWalkthroughTests(ApiFixture api)
{
    [Fact]
    public async Task The_walkthrough_sends_a_broadcast_to_completion_and_the_money_adds_up()
    {
        using var anonymous = api.Anonymous();
        Assert.Equal("ready", (await anonymous.GetJsonAsync("/health/ready")).Str("status"));
        using var admin = api.Operator();
        var perSegment = (await admin.GetJsonAsync("/v1/admin/prices")).Dec("defaultPerSegment");

        // The operator creates a client, an API key for it (shown once) and credits.
        using var clientResponse = await admin.PostJsonAsync("/v1/admin/clients", new { name = "Acme" });
        var clientId = (await clientResponse.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        using var keyResponse = await admin.PostJsonAsync($"/v1/admin/clients/{clientId}/api-keys",
            new { name = "backend", scopes = new[] { "sms:send", "sms:read", "wallet:read" } });
        var key = (await keyResponse.ReadJsonAsync(HttpStatusCode.Created)).Str("key");
        using var creditsResponse = await admin.PostJsonAsync($"/v1/admin/clients/{clientId}/credits", new { amount = 100, reference = "invoice-1" });
        Assert.Equal(100m, (await creditsResponse.ReadJsonAsync(HttpStatusCode.OK)).Dec("balance"));
        using var client = api.WithBearer(key);
        using var clientByHeader = api.WithApiKeyHeader(key);

        // The client registers its sender name; the operator approves it.
        using var senderResponse = await client.PostJsonAsync("/v1/senders", new { name = "MyShop" });
        var senderId = (await senderResponse.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        using var approveResponse = await admin.PostEmptyAsync($"/v1/admin/senders/{senderId}/approve");
        Assert.Equal("approved", (await approveResponse.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));

        // The client checks the price, then sends.
        using var precheckResponse = await client.PostJsonAsync("/v1/broadcasts/precheck", Body(
            Recipient("+12125551234", "Ann"), Recipient("+447400123456", "Bo")).ToJsonString());
        var precheck = await precheckResponse.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, precheck.Long("totalRecipients"));
        Assert.Equal(2 * perSegment, precheck.Dec("totalCredits"));
        Assert.True(precheck.Bool("sufficientBalance"));

        // +…0001 is a simulator number that always fails; "not a number" is an invalid recipient.
        using var createResponse = await client.PostJsonAsync("/v1/broadcasts", Body(
            Recipient("+12125551234", "Ann"), Recipient("+447400123456", "Bo"), "not a number",
            Recipient("+12025550001", "Cy")).ToJsonString());
        var created = await createResponse.ReadJsonAsync(HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.Equal("sending", created.Str("status"));
        Assert.Equal(4, created.Long("recipientCount"));
        Assert.Equal(1, created.Long("invalidCount"));
        Assert.Equal(3 * perSegment, created.Dec("estimatedCredits"));

        // Watch it complete.
        var done = await Eventually.ReadAsync(() => clientByHeader.GetJsonAsync($"/v1/broadcasts/{id}"),
            b => b.Str("status") == "completed", "the walkthrough broadcast to complete");
        var summary = done["drSummary"]!.AsObject();
        Assert.Equal(done.Long("recipientCount"), summary.Sum(p => p.Value!.GetValue<long>()));
        Assert.Equal(2, summary["delivered"]!.GetValue<long>());
        Assert.Equal(1, summary["failed"]!.GetValue<long>());
        Assert.Equal(1, summary["invalid"]!.GetValue<long>());
        // A failed message was accepted by the carrier, so it is charged (refundFailed is false by default).
        Assert.Equal(3 * perSegment, done.Dec("spentCredits"));
        Assert.Equal(0m, done.Dec("refundedCredits"));
        Assert.Equal(0m, done.Dec("heldCredits"));

        var recipients = await clientByHeader.GetJsonAsync($"/v1/broadcasts/{id}/recipients?limit=10");
        var byNumber = recipients.Arr("items").ToDictionary(r => r!.Str("to"), r => r!);
        Assert.Equal("delivered", byNumber["+12125551234"].Str("status"));
        Assert.Equal("delivered", byNumber["+447400123456"].Str("status"));
        Assert.Equal("failed", byNumber["+12025550001"].Str("status"));
        Assert.Equal("invalid", byNumber["not a number"].Str("status"));

        var wallet = await clientByHeader.GetJsonAsync("/v1/wallet");
        Assert.Equal(100m - (3 * perSegment), wallet.Dec("balance"));
        Assert.Equal(0m, wallet.Dec("held"));
        Assert.Equal(wallet.Dec("balance"), wallet.Dec("available"));

        var ledger = (await clientByHeader.GetJsonAsync("/v1/wallet/ledger")).Arr("items").Select(e => e!).ToList();
        Assert.Equal(wallet.Dec("balance"), ledger.Sum(e => e.Dec("amount")));
        Assert.Equal(0m, ledger.Sum(e => e.Dec("heldDelta")));
        Assert.Equal("topup", ledger[^1].Str("kind"));
        Assert.Equal("hold", ledger[^2].Str("kind"));
        Assert.Equal(-(3 * perSegment), ledger.Where(e => e.Str("kind") == "capture").Sum(e => e.Dec("amount")));
        Assert.All(ledger.Where(e => e.Str("kind") != "topup"), e => Assert.Equal(id, e.Str("broadcastId")));
    }

    static JsonObject Body(params JsonNode[] recipients) => new()
    {
        ["name"] = "Hello",
        ["from"] = "MyShop",
        ["body"] = "Hi {{first_name}}!",
        ["recipients"] = new JsonArray(recipients),
    };

    static JsonObject Recipient(string to, string firstName) =>
        new() { ["to"] = to, ["variables"] = new JsonObject { ["first_name"] = firstName } };
}
