using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Auth;

/// <summary>Issue 20 item 7: HTTP Basic with the key's id as user and the whole key as password, as <c>curl -u</c> sends it.</summary>
[Collection(ApiCollection.Name)]
public sealed class BasicAuthenticationTests(ApiFixture api)
{
    HttpClient WithBasic(string user, string password)
    {
        var http = api.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    [Fact]
    public async Task Basic_with_the_key_id_and_the_key_reads_the_wallet()
    {
        using var tenant = await Tenant.CreateAsync(api, 7m);
        using var http = WithBasic(tenant.KeyId, tenant.Key);

        var wallet = await http.GetJsonAsync("/v1/wallet");

        Assert.Equal(7m, wallet.Dec("balance"));
    }

    [Fact]
    public async Task Basic_pairing_a_key_with_another_keys_id_is_401()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);
        var (otherId, _) = await tenant.IssueKeyAsync(["wallet:read"]);
        using var swapped = WithBasic(otherId, tenant.Key);
        using var wrongSecret = WithBasic(tenant.KeyId, tenant.Key[..^1] + (tenant.Key[^1] == 'a' ? 'b' : 'a'));
        using var operatorAsBasic = WithBasic("admin", ApiFixture.AdminKey);

        using var bySwapped = await swapped.GetAsync("/v1/wallet");
        using var byWrongSecret = await wrongSecret.GetAsync("/v1/wallet");
        using var byOperator = await operatorAsBasic.GetAsync("/v1/admin/prices");

        await bySwapped.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await byWrongSecret.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await byOperator.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }
}
