using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>Issue 20 item 4: <c>/v1/api-keys</c>, a client's own keys under <c>keys:write</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class OwnApiKeysApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_keys_write_key_makes_a_key_of_its_own_scopes_lists_it_and_revokes_it()
    {
        using var tenant = await Tenant.CreateAsync(api, 3m, "keys:write", "wallet:read");

        using var created = await tenant.Http.PostJsonAsync("/v1/api-keys", new { name = "reporting", scopes = new[] { "wallet:read" } });
        var key = await created.ReadJsonAsync(HttpStatusCode.Created);
        using var newKey = api.WithBearer(key.Str("key"));
        Assert.Equal(3m, (await newKey.GetJsonAsync("/v1/wallet")).Dec("balance"));
        using var cannotMakeKeys = await newKey.GetAsync("/v1/api-keys");
        await cannotMakeKeys.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");

        var listed = (await tenant.Http.GetJsonAsync("/v1/api-keys")).Arr("items");
        var item = listed.Single(i => i!.Str("id") == key.Str("id"))!;
        Assert.Equal("reporting", item.Str("name"));
        Assert.Null(item["key"]);
        Assert.Equal(2, listed.Count);

        using var revoked = await tenant.Http.DeleteAsync($"/v1/api-keys/{key.Str("id")}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var afterRevoke = await newKey.GetAsync("/v1/wallet");
        await afterRevoke.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        Assert.Single((await tenant.Http.GetJsonAsync("/v1/api-keys")).Arr("items"));
    }

    [Theory]
    [InlineData("""{"scopes": ["sms:send"]}""", "scopes")]
    [InlineData("""{"scopes": ["*"]}""", "scopes")]
    [InlineData("""{"scopes": ["wallet:read"], "approver": true}""", "approver")]
    public async Task A_key_cannot_give_scopes_it_lacks_nor_approver(string body, string field)
    {
        using var tenant = await Tenant.CreateAsync(api, 0m, "keys:write", "wallet:read");

        using var response = await tenant.Http.PostJsonAsync("/v1/api-keys", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Single((await tenant.Http.GetJsonAsync("/v1/api-keys")).Arr("items"));
    }

    [Fact]
    public async Task Another_clients_key_is_404_and_stays_valid_and_keys_write_is_needed()
    {
        using var owner = await Tenant.CreateAsync(api, 1m, "keys:write", "wallet:read");
        using var stranger = await Tenant.CreateAsync(api, 0m, "keys:write");
        using var withoutScope = await Tenant.CreateAsync(api, 0m, "sms:send", "sms:read", "wallet:read");

        using var foreign = await stranger.Http.DeleteAsync($"/v1/api-keys/{owner.KeyId}");
        using var unscoped = await withoutScope.Http.PostJsonAsync("/v1/api-keys", new { scopes = new[] { "sms:read" } });

        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await unscoped.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
        Assert.Equal(1m, (await owner.WalletAsync()).Dec("balance"));
        Assert.DoesNotContain((await stranger.Http.GetJsonAsync("/v1/api-keys")).Arr("items"), i => i!.Str("id") == owner.KeyId);
    }
}
