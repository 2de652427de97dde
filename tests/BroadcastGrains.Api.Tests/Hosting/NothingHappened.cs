namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>What a refused request must leave behind: no broadcast, no hold, no ledger entry beyond the opening top-up.</summary>
internal static class NothingHappened
{
    public static async Task AssertNothingHappenedAsync(this Tenant tenant, decimal openingBalance)
    {
        var list = await tenant.Http.GetJsonAsync("/v1/broadcasts");
        Assert.Empty(list.Arr("items"));
        Assert.False(list.Bool("hasMore"));

        var wallet = await tenant.WalletAsync();
        Assert.Equal(openingBalance, wallet.Dec("balance"));
        Assert.Equal(0m, wallet.Dec("held"));
        Assert.Equal(openingBalance, wallet.Dec("available"));

        var ledger = await tenant.LedgerAsync();
        Assert.All(ledger, e => Assert.Equal("topup", e.Str("kind")));
    }
}
