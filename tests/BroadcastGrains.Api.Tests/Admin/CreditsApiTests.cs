using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Admin;

/// <summary><c>POST /v1/admin/clients/{id}/credits</c>: top-ups, idempotent by reference.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreditsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_top_up_answers_the_wallet_and_is_one_ledger_entry()
    {
        using var tenant = await Tenant.CreateAsync(api);

        var wallet = await Tenant.TopUpAsync(api, tenant.ClientId, 12.3456m, "invoice-1");

        Assert.Equal(12.3456m, wallet.Dec("balance"));
        Assert.Equal(0m, wallet.Dec("held"));
        var entry = Assert.Single(await tenant.LedgerAsync());
        Assert.Equal("topup", entry.Str("kind"));
        Assert.Equal(12.3456m, entry.Dec("amount"));
        Assert.Equal(0m, entry.Dec("heldDelta"));
        Assert.Equal("invoice-1", entry.Str("reference"));
        Assert.Null(entry["broadcastId"]);
    }

    [Fact]
    public async Task Repeating_a_top_up_with_the_same_reference_and_amount_adds_nothing()
    {
        using var tenant = await Tenant.CreateAsync(api);
        await Tenant.TopUpAsync(api, tenant.ClientId, 10m, "invoice-7");

        var again = await Tenant.TopUpAsync(api, tenant.ClientId, 10m, "invoice-7");

        Assert.Equal(10m, again.Dec("balance"));
        Assert.Single(await tenant.LedgerAsync());
    }

    [Fact]
    public async Task The_same_reference_with_another_amount_is_409_IDEMPOTENCY_KEY_REUSED()
    {
        using var tenant = await Tenant.CreateAsync(api);
        await Tenant.TopUpAsync(api, tenant.ClientId, 10m, "invoice-8");
        using var admin = api.Operator();

        using var response = await admin.PostJsonAsync($"/v1/admin/clients/{tenant.ClientId}/credits",
            new { amount = 11m, reference = "invoice-8" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        Assert.Equal(10m, (await tenant.WalletAsync()).Dec("balance"));
        Assert.Single(await tenant.LedgerAsync());
    }

    [Theory]
    [InlineData("""{"reference":"r"}""", "amount")]
    [InlineData("""{"amount":0,"reference":"r"}""", "amount")]
    [InlineData("""{"amount":-5,"reference":"r"}""", "amount")]
    [InlineData("""{"amount":1.00001,"reference":"r"}""", "amount")]
    [InlineData("""{"amount":1000000001,"reference":"r"}""", "amount")]
    [InlineData("""{"amount":1e30,"reference":"r"}""", "amount")]
    [InlineData("""{"amount":5e-300,"reference":"r"}""", "amount")]
    [InlineData("""{"amount":5}""", "reference")]
    [InlineData("""{"amount":5,"reference":"  "}""", "reference")]
    public async Task An_invalid_top_up_is_VALIDATION_FAILED_and_adds_nothing(string body, string field)
    {
        using var tenant = await Tenant.CreateAsync(api);
        using var admin = api.Operator();

        using var response = await admin.PostRawAsync($"/v1/admin/clients/{tenant.ClientId}/credits", body);

        await response.AssertValidationAsync(field);
        Assert.Equal(0m, (await tenant.WalletAsync()).Dec("balance"));
        Assert.Empty(await tenant.LedgerAsync());
    }

    [Fact]
    public async Task A_top_up_body_that_is_not_JSON_is_INVALID_JSON()
    {
        using var tenant = await Tenant.CreateAsync(api);
        using var admin = api.Operator();

        using var response = await admin.PostRawAsync($"/v1/admin/clients/{tenant.ClientId}/credits", "{amount: 5}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
        Assert.Equal(0m, (await tenant.WalletAsync()).Dec("balance"));
    }

    [Fact]
    public async Task Credits_for_an_unknown_client_are_404_NOT_FOUND()
    {
        using var admin = api.Operator();

        using var response = await admin.PostJsonAsync("/v1/admin/clients/cl_nobody/credits", new { amount = 5m, reference = "r" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
