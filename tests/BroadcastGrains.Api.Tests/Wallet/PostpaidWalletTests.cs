using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Wallet;

/// <summary>Issue 20 item 6: a postpaid client (<c>creditLimit</c>) sends below zero, up to its limit, and no further.</summary>
[Collection(ApiCollection.Name)]
public sealed class PostpaidWalletTests(ApiFixture api)
{
    [Fact]
    public async Task A_postpaid_client_with_no_credits_sends_within_its_credit_limit_and_the_ledger_adds_up()
    {
        using var client = await Clients.CreateAsync(api, new JsonObject { ["creditLimit"] = 1 });
        var opening = await client.WalletAsync();
        Assert.Equal((0m, 1m, 1m), (opening.Dec("balance"), opening.Dec("creditLimit"), opening.Dec("available")));

        var sent = await client.SendAsync(CreateBodies.Body("+12125551234", "+12125551235"));
        await client.WaitForStatusAsync(sent.Str("id"), "completed");

        var wallet = await client.WalletAsync();
        Assert.True(wallet.Dec("balance") < 0, wallet.ToJsonString());
        Assert.Equal(wallet.Dec("balance") + 1m, wallet.Dec("available") + wallet.Dec("held"));
        await client.AssertLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_broadcast_over_balance_plus_credit_limit_is_402_and_a_lowered_limit_holds_at_once()
    {
        using var client = await Clients.CreateAsync(api, new JsonObject { ["creditLimit"] = 0.015 });
        using var admin = api.Operator();
        using var lowered = await admin.SendJsonAsync(HttpMethod.Patch, $"/v1/admin/clients/{client.ClientId}", """{"creditLimit": 0}""");
        await lowered.ReadJsonAsync(HttpStatusCode.OK);

        using var refused = await client.Http.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551234").ToJsonString());

        await refused.AssertProblemAsync(HttpStatusCode.PaymentRequired, "INSUFFICIENT_CREDITS");
        Assert.Empty((await client.Http.GetJsonAsync("/v1/broadcasts")).Arr("items"));
        Assert.Equal(0m, (await client.WalletAsync()).Dec("available"));
    }
}
