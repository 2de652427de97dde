using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Admin;

/// <summary>Issuing, listing and revoking API keys under <c>/v1/admin</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeysApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_new_key_is_shown_once_and_listed_only_by_its_prefix()
    {
        using var tenant = await Tenant.CreateAsync(api);
        using var admin = api.Operator();

        using var response = await admin.PostJsonAsync($"/v1/admin/clients/{tenant.ClientId}/api-keys",
            new { name = "backend", scopes = new[] { "sms:read", "sms:read", "wallet:read" } });

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        var key = created.Str("key");
        Assert.Equal(["sms:read", "wallet:read"], created.Arr("scopes").Select(s => s!.GetValue<string>()));

        var list = await admin.GetJsonAsync($"/v1/admin/clients/{tenant.ClientId}/api-keys");
        var listed = Assert.Single(list.Arr("items"), k => k!.Str("id") == created.Str("id"))!;
        Assert.Equal("backend", listed.Str("name"));
        Assert.StartsWith(listed.Str("prefix"), key, StringComparison.Ordinal);
        Assert.True(listed.Str("prefix").Length < key.Length);
        Assert.Null(listed["key"]);
        Assert.NotNull(listed["createdAt"]);
        Assert.DoesNotContain(key, list.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, list.Arr("items").Count);
    }

    [Fact]
    public async Task Using_a_key_sets_its_last_used_time()
    {
        using var tenant = await Tenant.CreateAsync(api);
        using var admin = api.Operator();

        await tenant.WalletAsync();

        var list = await admin.GetJsonAsync($"/v1/admin/clients/{tenant.ClientId}/api-keys");
        var listed = Assert.Single(list.Arr("items"))!;
        Assert.NotNull(listed["lastUsedAt"]);
    }

    [Theory]
    [InlineData("""{"scopes":[]}""", "scopes")]
    [InlineData("""{"name":"x"}""", "scopes")]
    [InlineData("""{"scopes":["sms:everything"]}""", "scopes")]
    [InlineData("""{"scopes":["sms:read"],"ipAllowlist":["10.0.0.0/33"]}""", "ipAllowlist")]
    [InlineData("""{"scopes":["sms:read"],"ipAllowlist":["somewhere"]}""", "ipAllowlist")]
    public async Task An_invalid_key_request_is_VALIDATION_FAILED_naming_the_field(string body, string field)
    {
        using var tenant = await Tenant.CreateAsync(api);
        using var admin = api.Operator();

        using var response = await admin.PostRawAsync($"/v1/admin/clients/{tenant.ClientId}/api-keys", body);

        await response.AssertValidationAsync(field);
        var list = await admin.GetJsonAsync($"/v1/admin/clients/{tenant.ClientId}/api-keys");
        Assert.Single(list.Arr("items"));
    }

    [Fact]
    public async Task Keys_of_an_unknown_client_are_404_NOT_FOUND()
    {
        using var admin = api.Operator();

        using var issue = await admin.PostJsonAsync("/v1/admin/clients/cl_nobody/api-keys", new { scopes = new[] { "*" } });
        using var list = await admin.GetAsync("/v1/admin/clients/cl_nobody/api-keys");

        await issue.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await list.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_its_very_next_request()
    {
        using var tenant = await Tenant.CreateAsync(api);
        using var admin = api.Operator();
        await tenant.WalletAsync();

        using var revoke = await admin.DeleteAsync($"/v1/admin/api-keys/{tenant.KeyId}");
        using var after = await tenant.Http.GetAsync("/v1/wallet");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task Revoking_one_key_leaves_the_clients_other_keys_working()
    {
        using var tenant = await Tenant.CreateAsync(api);
        var (_, other) = await tenant.IssueKeyAsync(["wallet:read"]);
        using var admin = api.Operator();
        using var otherHttp = api.WithBearer(other);

        using var revoke = await admin.DeleteAsync($"/v1/admin/api-keys/{tenant.KeyId}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var wallet = await otherHttp.GetJsonAsync("/v1/wallet");
        Assert.Equal(0m, wallet.Dec("balance"));
    }

    [Theory]
    [InlineData("abcdefghijklmnop")]
    [InlineData("not-a-key-id")]
    public async Task Revoking_an_unknown_key_is_404_NOT_FOUND(string id)
    {
        using var admin = api.Operator();

        using var response = await admin.DeleteAsync($"/v1/admin/api-keys/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
