using System.Net;
using System.Net.Http.Headers;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Auth;

/// <summary>API.md "Authentication and tenancy": keys, scopes, IP allowlists and X-Client-Id.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeyAuthenticationTests(ApiFixture api)
{
    public static TheoryData<string, string> ClientEndpoints => new()
    {
        { "POST", "/v1/broadcasts" },
        { "POST", "/v1/broadcasts/precheck" },
        { "GET", "/v1/broadcasts" },
        { "GET", "/v1/broadcasts/bc_x" },
        { "GET", "/v1/broadcasts/bc_x/recipients" },
        { "POST", "/v1/broadcasts/bc_x/cancel" },
        { "POST", "/v1/broadcasts/bc_x/pause" },
        { "POST", "/v1/broadcasts/bc_x/resume" },
        { "GET", "/v1/wallet" },
        { "GET", "/v1/wallet/ledger" },
    };

    [Theory]
    [MemberData(nameof(ClientEndpoints))]
    public async Task Without_a_key_every_client_endpoint_is_401_UNAUTHENTICATED(string method, string path)
    {
        using var http = api.Anonymous();

        using var response = await http.SendJsonAsync(new HttpMethod(method), path, CreateBodies.Body("+12125551234").ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("bgk_")]
    [InlineData("bgk_abcdefghijklmnop_notthesecretnotthesecretnotthesecret1234")]
    [InlineData("bgk_ABCDEFGHIJKLMNOP_secret")]
    public async Task An_unknown_key_is_401_UNAUTHENTICATED(string key)
    {
        using var bearer = api.WithBearer(key);
        using var header = api.WithApiKeyHeader(key);

        using var viaBearer = await bearer.GetAsync("/v1/wallet");
        using var viaHeader = await header.GetAsync("/v1/wallet");

        await viaBearer.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await viaHeader.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_real_key_with_its_secret_altered_is_401_UNAUTHENTICATED()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);
        var altered = tenant.Key[..^1] + (tenant.Key[^1] == 'a' ? 'b' : 'a');
        using var http = api.WithBearer(altered);

        using var response = await http.GetAsync("/v1/wallet");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_key_works_as_Bearer_and_as_X_Api_Key()
    {
        using var tenant = await Tenant.CreateAsync(api, 3m);
        using var header = api.WithApiKeyHeader(tenant.Key);

        var viaBearer = await tenant.Http.GetJsonAsync("/v1/wallet");
        var viaHeader = await header.GetJsonAsync("/v1/wallet");

        Assert.Equal(3m, viaBearer.Dec("balance"));
        Assert.Equal(3m, viaHeader.Dec("balance"));
    }

    [Fact]
    public async Task An_authorization_scheme_other_than_Bearer_is_not_a_key()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);
        using var http = api.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", tenant.Key);

        using var response = await http.GetAsync("/v1/wallet");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task A_revoked_key_cannot_send_and_nothing_is_created()
    {
        const decimal opening = 5m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        using var admin = api.Operator();
        using var revoke = await admin.DeleteAsync($"/v1/admin/api-keys/{tenant.KeyId}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551234").ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        var (_, key) = await tenant.IssueKeyAsync(Tenant.AllScopes);
        using var fresh = Tenant.FromKey(api, tenant.ClientId, key);
        await fresh.AssertNothingHappenedAsync(opening);
    }

    [Fact]
    public async Task A_read_only_key_cannot_create_a_broadcast()
    {
        const decimal opening = 5m;
        using var tenant = await Tenant.CreateAsync(api, opening, "sms:read", "wallet:read");

        using var create = await tenant.Http.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551234").ToJsonString());
        using var precheck = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", CreateBodies.Body("+12125551234").ToJsonString());

        await create.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
        await precheck.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
        await tenant.AssertNothingHappenedAsync(opening);
    }

    [Fact]
    public async Task A_key_without_wallet_read_cannot_see_the_wallet()
    {
        using var tenant = await Tenant.CreateAsync(api, 5m, "sms:send", "sms:read");

        using var wallet = await tenant.Http.GetAsync("/v1/wallet");
        using var ledger = await tenant.Http.GetAsync("/v1/wallet/ledger");

        await wallet.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
        await ledger.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
    }

    [Fact]
    public async Task A_send_only_key_cannot_read_broadcasts()
    {
        using var tenant = await Tenant.CreateAsync(api, 5m, "sms:send");

        using var list = await tenant.Http.GetAsync("/v1/broadcasts");

        await list.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
    }

    [Fact]
    public async Task A_send_only_key_creates_and_cancels_broadcasts()
    {
        using var tenant = await Tenant.CreateAsync(api, 5m, "sms:send");
        var body = CreateBodies.Body("+12125551234");
        body["scheduleMode"] = "draft";

        using var create = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());
        var id = (await create.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        using var cancel = await tenant.Http.PostAsync(new Uri($"/v1/broadcasts/{id}/cancel", UriKind.Relative), null);
        using var read = await tenant.Http.GetAsync($"/v1/broadcasts/{id}");

        Assert.Equal("cancelled", (await cancel.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        await read.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
    }

    [Fact]
    public async Task The_star_scope_grants_every_client_scope()
    {
        using var tenant = await Tenant.CreateAsync(api, 5m, "*");

        var wallet = await tenant.WalletAsync();
        var list = await tenant.Http.GetJsonAsync("/v1/broadcasts");

        Assert.Equal(5m, wallet.Dec("balance"));
        Assert.Empty(list.Arr("items"));
    }

    [Fact]
    public async Task A_key_used_from_outside_its_IP_allowlist_is_403_IP_NOT_ALLOWED()
    {
        // The fixture serves over real Kestrel, so the connection's address is the client's loopback 127.0.0.1, which
        // 10.0.0.0/8 does not contain. (Under TestServer RemoteIpAddress is null, which the handler refuses for any
        // allowlist; a real address lets the tests below also show that a matching allowlist lets the key in.)
        const decimal opening = 5m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var (_, key) = await tenant.IssueKeyAsync(Tenant.AllScopes, ["10.0.0.0/8"]);
        using var http = api.WithBearer(key);

        using var wallet = await http.GetAsync("/v1/wallet");
        using var create = await http.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551234").ToJsonString());

        await wallet.AssertProblemAsync(HttpStatusCode.Forbidden, "IP_NOT_ALLOWED");
        await create.AssertProblemAsync(HttpStatusCode.Forbidden, "IP_NOT_ALLOWED");
        await tenant.AssertNothingHappenedAsync(opening);
    }

    [Theory]
    [InlineData("127.0.0.0/8")]
    [InlineData("127.0.0.1/32")]
    public async Task A_key_used_from_inside_its_IP_allowlist_works(string cidr)
    {
        using var tenant = await Tenant.CreateAsync(api, 5m);
        var (_, key) = await tenant.IssueKeyAsync(Tenant.AllScopes, ["10.0.0.0/8", "2001:db8::/32", cidr]);
        using var http = api.WithBearer(key);

        var wallet = await http.GetJsonAsync("/v1/wallet");

        Assert.Equal(5m, wallet.Dec("balance"));
    }

    [Fact]
    public async Task A_client_key_naming_another_client_is_403_CLIENT_NOT_ALLOWED()
    {
        const decimal opening = 5m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        using var other = await Tenant.CreateAsync(api, 7m);
        using var http = api.WithBearer(tenant.Key);
        http.DefaultRequestHeaders.Add("X-Client-Id", other.ClientId);

        using var wallet = await http.GetAsync("/v1/wallet");
        using var create = await http.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551234").ToJsonString());
        using var list = await http.GetAsync("/v1/broadcasts");

        await wallet.AssertProblemAsync(HttpStatusCode.Forbidden, "CLIENT_NOT_ALLOWED");
        await create.AssertProblemAsync(HttpStatusCode.Forbidden, "CLIENT_NOT_ALLOWED");
        await list.AssertProblemAsync(HttpStatusCode.Forbidden, "CLIENT_NOT_ALLOWED");
        await tenant.AssertNothingHappenedAsync(opening);
        await other.AssertNothingHappenedAsync(7m);
    }

    [Fact]
    public async Task A_client_key_naming_its_own_client_works()
    {
        using var tenant = await Tenant.CreateAsync(api, 5m);
        using var http = api.WithBearer(tenant.Key);
        http.DefaultRequestHeaders.Add("X-Client-Id", tenant.ClientId);

        var wallet = await http.GetJsonAsync("/v1/wallet");

        Assert.Equal(5m, wallet.Dec("balance"));
    }
}
