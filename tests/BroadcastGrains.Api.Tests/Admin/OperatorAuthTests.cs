using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Admin;

/// <summary><c>/v1/admin</c> takes the operator key only.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperatorAuthTests(ApiFixture api)
{
    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "POST", "/v1/admin/clients" },
        { "GET", "/v1/admin/clients/cl_x" },
        { "POST", "/v1/admin/clients/cl_x/api-keys" },
        { "GET", "/v1/admin/clients/cl_x/api-keys" },
        { "DELETE", "/v1/admin/api-keys/abcdefghijklmnop" },
        { "POST", "/v1/admin/clients/cl_x/credits" },
        { "GET", "/v1/admin/prices" },
        { "PUT", "/v1/admin/prices" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Without_a_key_admin_endpoints_are_401_UNAUTHENTICATED(string method, string path)
    {
        using var http = api.Anonymous();

        using var response = await http.SendJsonAsync(new HttpMethod(method), path, new { });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task A_wrong_operator_key_is_401_UNAUTHENTICATED(string method, string path)
    {
        using var http = api.WithBearer(ApiFixture.AdminKey + "x");

        using var response = await http.SendJsonAsync(new HttpMethod(method), path, new { });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task A_client_key_even_with_every_scope_is_403_on_admin_endpoints(string method, string path)
    {
        using var tenant = await Tenant.CreateAsync(api, 0, "*");

        using var response = await tenant.Http.SendJsonAsync(new HttpMethod(method), path, new { });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
    }

    [Fact]
    public async Task The_operator_key_works_in_the_X_Api_Key_header_too()
    {
        using var http = api.WithApiKeyHeader(ApiFixture.AdminKey);

        var prices = await http.GetJsonAsync("/v1/admin/prices");

        Assert.NotNull(prices["defaultPerSegment"]);
    }

    [Fact]
    public async Task The_operator_key_is_not_a_client_key()
    {
        using var admin = api.Operator();

        using var response = await admin.GetAsync("/v1/broadcasts");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
    }
}
