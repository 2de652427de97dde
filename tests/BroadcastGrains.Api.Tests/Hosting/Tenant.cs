using System.Net;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>
/// A client made the way an operator makes one (API.md "Operator endpoints"): the client, an API key with the asked
/// scopes and, when asked, credits, all through <c>/v1/admin</c>. Fresh per test, so tests never share money. It sends
/// from <see cref="ApiFixture.SharedSender"/>, which the fixture shares with every client.
/// </summary>
internal sealed class Tenant : IDisposable
{
    public static readonly string[] AllScopes = ["sms:send", "sms:read", "wallet:read"];

    Tenant(ApiFixture api, string clientId, string keyId, string key)
    {
        Api = api;
        ClientId = clientId;
        KeyId = keyId;
        Key = key;
        Http = api.WithBearer(key);
    }

    public ApiFixture Api { get; }

    public string ClientId { get; }

    public string KeyId { get; }

    public string Key { get; }

    /// <summary>Sends <see cref="Key"/> as <c>Authorization: Bearer</c>.</summary>
    public HttpClient Http { get; }

    public static Task<Tenant> CreateAsync(ApiFixture api, decimal credits = 0) => CreateAsync(api, credits, AllScopes);

    public static async Task<Tenant> CreateAsync(ApiFixture api, decimal credits, params string[] scopes)
    {
        using var admin = api.Operator();
        using var created = await admin.PostJsonAsync("/v1/admin/clients", new { name = "Shop " + Guid.NewGuid().ToString("N")[..8] });
        var clientId = (await created.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        var (keyId, key) = await IssueKeyAsync(api, clientId, scopes);
        if (credits > 0)
        {
            await TopUpAsync(api, clientId, credits, "opening-balance");
        }
        return new Tenant(api, clientId, keyId, key);
    }

    /// <summary>A handle on an existing client through a key of its own (for example after its first key was revoked).</summary>
    public static Tenant FromKey(ApiFixture api, string clientId, string key) => new(api, clientId, keyId: "", key);

    public static async Task<(string Id, string Key)> IssueKeyAsync(ApiFixture api, string clientId, string[] scopes, string[]? ipAllowlist = null)
    {
        using var admin = api.Operator();
        using var response = await admin.PostJsonAsync($"/v1/admin/clients/{clientId}/api-keys",
            new { name = "tests", scopes, ipAllowlist });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        return (created.Str("id"), created.Str("key"));
    }

    /// <summary>Another key of this client.</summary>
    public Task<(string Id, string Key)> IssueKeyAsync(string[] scopes, string[]? ipAllowlist = null) =>
        IssueKeyAsync(Api, ClientId, scopes, ipAllowlist);

    public static async Task<JsonNode> TopUpAsync(ApiFixture api, string clientId, decimal amount, string reference)
    {
        using var admin = api.Operator();
        using var response = await admin.PostJsonAsync($"/v1/admin/clients/{clientId}/credits", new { amount, reference });
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    public Task<JsonNode> WalletAsync() => Http.GetJsonAsync("/v1/wallet");

    /// <summary>The whole ledger, newest first, read page by page through <c>nextCursor</c>.</summary>
    public async Task<List<JsonNode>> LedgerAsync(int pageSize = 100)
    {
        var entries = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await Http.GetJsonAsync($"/v1/wallet/ledger?limit={pageSize}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var items = page.Arr("items");
            Assert.True(items.Count <= pageSize);
            entries.AddRange(items.Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.Equal(cursor is not null, page.Bool("hasMore"));
        }
        while (cursor is not null);
        return entries;
    }

    /// <summary>
    /// API.md "Wallet": amounts sum to the balance, heldDeltas to held, and balance = available + held (for a postpaid
    /// client: balance + creditLimit = available + held).
    /// </summary>
    public async Task AssertLedgerAddsUpAsync()
    {
        // Captures may land between reading the wallet and its ledger while a broadcast sends: compare a ledger read
        // between two equal wallet reads, so the figures are of one moment.
        var wallet = await WalletAsync();
        var ledger = await LedgerAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        for (var again = await WalletAsync(); again.ToJsonString() != wallet.ToJsonString() && DateTime.UtcNow < deadline;
             again = await WalletAsync())
        {
            wallet = again;
            ledger = await LedgerAsync();
        }
        Assert.Equal(wallet.Dec("balance"), ledger.Sum(e => e.Dec("amount")));
        Assert.Equal(wallet.Dec("held"), ledger.Sum(e => e.Dec("heldDelta")));
        var creditLimit = wallet["creditLimit"]?.GetValue<decimal>() ?? 0;
        Assert.Equal(wallet.Dec("balance") + creditLimit, wallet.Dec("available") + wallet.Dec("held"));
    }

    /// <summary>Creates a broadcast, expecting 201; answers the broadcast object.</summary>
    public async Task<JsonNode> SendAsync(JsonObject body)
    {
        using var response = await Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());
        var broadcast = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/v1/broadcasts/{broadcast.Str("id")}", response.Headers.Location?.OriginalString);
        return broadcast;
    }

    public Task<JsonNode> BroadcastAsync(string id) => Http.GetJsonAsync($"/v1/broadcasts/{id}");

    /// <summary>Polls the broadcast until its status is <paramref name="status"/>.</summary>
    public Task<JsonNode> WaitForStatusAsync(string id, string status, TimeSpan? deadline = null) =>
        Eventually.ReadAsync(() => BroadcastAsync(id), b => b.Str("status") == status,
            $"broadcast {id} to be {status}", deadline);

    /// <summary>Every recipient of a broadcast, read page by page through <c>nextCursor</c>.</summary>
    public async Task<List<JsonNode>> RecipientsAsync(string id, int pageSize = 1000, string? status = null)
    {
        var recipients = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var query = $"/v1/broadcasts/{id}/recipients?limit={pageSize}"
                + (status is null ? "" : $"&status={status}")
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await Http.GetJsonAsync(query);
            var items = page.Arr("items");
            Assert.True(items.Count <= pageSize);
            recipients.AddRange(items.Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.Equal(cursor is not null, page.Bool("hasMore"));
        }
        while (cursor is not null);
        return recipients;
    }

    public void Dispose() => Http.Dispose();
}
