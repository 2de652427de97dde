using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Wallet;

/// <summary><c>GET /v1/wallet</c> and <c>GET /v1/wallet/ledger</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class WalletApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_wallet_shows_balance_held_available_and_currency()
    {
        using var tenant = await Tenant.CreateAsync(api, 42.5m);

        var wallet = await tenant.WalletAsync();

        Assert.Equal(42.5m, wallet.Dec("balance"));
        Assert.Equal(0m, wallet.Dec("held"));
        Assert.Equal(42.5m, wallet.Dec("available"));
        Assert.Equal("credits", wallet.Str("currency"));
    }

    [Fact]
    public async Task A_new_client_has_an_empty_wallet_and_ledger()
    {
        using var tenant = await Tenant.CreateAsync(api);

        var wallet = await tenant.WalletAsync();
        var ledger = await tenant.Http.GetJsonAsync("/v1/wallet/ledger");

        Assert.Equal(0m, wallet.Dec("balance"));
        Assert.Empty(ledger.Arr("items"));
        Assert.False(ledger.Bool("hasMore"));
        Assert.Null(ledger["nextCursor"]);
    }

    [Fact]
    public async Task The_ledger_pages_newest_first_and_visits_every_entry_once()
    {
        using var tenant = await Tenant.CreateAsync(api);
        for (var i = 1; i <= 7; i++)
        {
            await Tenant.TopUpAsync(api, tenant.ClientId, i, $"invoice-{i}");
        }

        var first = await tenant.Http.GetJsonAsync("/v1/wallet/ledger?limit=3");
        var ledger = await tenant.LedgerAsync(pageSize: 3);

        Assert.Equal(3, first.Arr("items").Count);
        Assert.True(first.Bool("hasMore"));
        Assert.NotNull(first["nextCursor"]);
        Assert.Equal(7, ledger.Count);
        Assert.Equal(7, ledger.Select(e => e.Str("id")).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => $"invoice-{i}"), ledger.Select(e => e.Str("reference")));
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => (decimal)i), ledger.Select(e => e.Dec("amount")));
        var times = ledger.Select(e => DateTimeOffset.Parse(e.Str("at"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(ledger, e => Assert.EndsWith("Z", e.Str("at"), StringComparison.Ordinal));
        await tenant.AssertLedgerAddsUpAsync();
    }

    [Fact]
    public async Task The_ledger_limit_defaults_to_100()
    {
        using var tenant = await Tenant.CreateAsync(api);
        // 101 top-ups through the operator API in parallel: the wallet grain serializes them.
        await Task.WhenAll(Enumerable.Range(1, 101).Select(i => Tenant.TopUpAsync(api, tenant.ClientId, 1m, $"r-{i}")));

        var page = await tenant.Http.GetJsonAsync("/v1/wallet/ledger");

        Assert.Equal(100, page.Arr("items").Count);
        Assert.True(page.Bool("hasMore"));
        Assert.Equal(101m, (await tenant.WalletAsync()).Dec("balance"));
        Assert.Equal(101, (await tenant.LedgerAsync(pageSize: 1000)).Count);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task A_bad_ledger_query_is_VALIDATION_FAILED(string query, string field)
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);

        using var response = await tenant.Http.GetAsync($"/v1/wallet/ledger?{query}");

        await response.AssertValidationAsync(field);
    }

    [Fact]
    public async Task A_limit_of_1000_is_allowed()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);

        var page = await tenant.Http.GetJsonAsync("/v1/wallet/ledger?limit=1000");

        Assert.Single(page.Arr("items"));
    }
}
