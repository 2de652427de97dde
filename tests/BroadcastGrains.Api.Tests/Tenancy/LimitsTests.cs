using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Api.Tests.Tenancy;

/// <summary>API.md: per-client rate limit and daily quota (429 with Retry-After), and request body limits (413).</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class LimitsTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_Retry_After_and_other_clients_do_not()
    {
        using var limited = await Clients.CreateAsync(api, new JsonObject { ["rateLimit"] = new JsonObject { ["requests"] = 5, ["perSeconds"] = 3600 } });
        using var neighbour = await Clients.CreateAsync(api, []);
        for (var i = 0; i < 5; i++)
        {
            await limited.Http.GetJsonAsync("/v1/senders");
        }

        using var refused = await limited.Http.PostJsonAsync("/v1/senders", new { name = "Another" });
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");

        // Nothing was registered by the refused request, and the neighbour's allowance is its own.
        Assert.Empty(await SenderNamesAsync(limited.ClientId));
        Assert.Single((await neighbour.Http.GetJsonAsync("/v1/senders")).Arr("items"));
    }

    [Fact]
    public async Task A_broadcast_over_the_daily_quota_gets_429_DAILY_QUOTA_EXCEEDED_and_changes_nothing()
    {
        using var client = await Clients.CreateAsync(api, new JsonObject { ["dailyQuota"] = 3 }, credits: 10);
        var first = await client.SendAsync(CreateBodies.Body("+12125551234", "+12125551235"));
        // Settled first: its partitions capture after the 201, and the refusal below must be seen to move nothing.
        await client.WaitForStatusAsync(first.Str("id"), "completed");
        var balance = (await client.WalletAsync()).Dec("balance");
        var ledger = (await client.LedgerAsync()).Count;

        using var refused = await client.Http.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551236", "+12125551237").ToJsonString());

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "DAILY_QUOTA_EXCEEDED");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After points at the next UTC day");
        Assert.Single((await client.Http.GetJsonAsync("/v1/broadcasts")).Arr("items"));
        Assert.Equal(first.Str("id"), (await client.Http.GetJsonAsync("/v1/broadcasts")).Arr("items")[0]!.Str("id"));
        Assert.Equal(ledger, (await client.LedgerAsync()).Count);
        Assert.Equal(balance, (await client.WalletAsync()).Dec("balance"));
        // What is left of today's quota still fits.
        await client.SendAsync(CreateBodies.Body("+12125551238"));
    }

    [Fact]
    public async Task A_draft_counts_nothing_until_it_runs_and_a_send_now_over_the_daily_quota_gets_429_and_changes_nothing()
    {
        using var client = await Clients.CreateAsync(api, new JsonObject { ["dailyQuota"] = 3 }, credits: 10);
        var first = await client.SendAsync(CreateBodies.Body("+12125551234", "+12125551235"));
        var draft = await client.SendAsync(WithMode(CreateBodies.Body("+12125551236", "+12125551237"), "draft"));
        // The draft took none of the quota: the last recipient of the day still fits.
        var last = await client.SendAsync(CreateBodies.Body("+12125551238"));
        await client.WaitForStatusAsync(first.Str("id"), "completed");
        await client.WaitForStatusAsync(last.Str("id"), "completed");
        var id = draft.Str("id");
        var before = (await client.Http.GetJsonAsync($"/v1/broadcasts/{id}")).ToJsonString();
        var balance = (await client.WalletAsync()).Dec("balance");
        var ledger = (await client.LedgerAsync()).Count;

        using var refused = await client.Http.PostEmptyAsync($"/v1/broadcasts/{id}/send-now");

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "DAILY_QUOTA_EXCEEDED");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After points at the next UTC day");
        Assert.Equal(before, (await client.Http.GetJsonAsync($"/v1/broadcasts/{id}")).ToJsonString());
        Assert.Equal((ledger, balance), ((await client.LedgerAsync()).Count, (await client.WalletAsync()).Dec("balance")));
    }

    static JsonObject WithMode(JsonObject body, string scheduleMode)
    {
        body["scheduleMode"] = scheduleMode;
        return body;
    }

    [Theory]
    [InlineData("/v1/senders")]
    [InlineData("/v1/opt-outs")]
    [InlineData("/v1/templates")]
    public async Task A_body_over_1_MB_on_an_ordinary_endpoint_is_413_PAYLOAD_TOO_LARGE(string path)
    {
        using var client = await Clients.CreateAsync(api, []);
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{new string('x', 1_100_000)}}"}""");

        using var response = await client.Http.SendRawAsync(HttpMethod.Post, path, body, expectContinue: true);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.Empty(await SenderNamesAsync(client.ClientId));
        Assert.Empty((await client.Http.GetJsonAsync("/v1/templates")).Arr("items"));
    }

    [Fact]
    public async Task A_contact_upload_takes_more_than_1_MB()
    {
        using var client = await Clients.CreateAsync(api, []);
        using var list = await client.Http.PostJsonAsync("/v1/contact-lists", new { name = "big" });
        var listId = (await list.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        var csv = new StringBuilder("phone,note\n");
        var numbers = CreateBodies.ValidNumbers(12125550000, 20_000);
        foreach (var n in numbers)
        {
            csv.Append('+').Append(n).Append(",a fairly long note to make the body larger than a megabyte\n");
        }
        Assert.True(csv.Length > 1_100_000);

        using var response = await PostCsvAsync(client, $"/v1/contact-lists/{listId}/contacts", csv.ToString());

        Assert.Equal(20_000, (await response.ReadJsonAsync(HttpStatusCode.OK)).Long("added"));
    }

    /// <summary>The client's senders as stored (read from the grain: the client's own reads may be rate limited).</summary>
    async Task<List<string>> SenderNamesAsync(string clientId) =>
        [.. (await api.Services.GetRequiredService<IGrainFactory>().GetGrain<ISendersGrain>(clientId).ListAsync()).Select(s => s.Name)];

    internal static Task<HttpResponseMessage> PostCsvAsync(Tenant client, string path, string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return client.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
