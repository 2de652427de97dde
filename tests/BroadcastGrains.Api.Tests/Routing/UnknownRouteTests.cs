using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Routing;

/// <summary>Paths the API does not have answer a problem, like every other error.</summary>
[Collection(ApiCollection.Name)]
public sealed class UnknownRouteTests(ApiFixture api)
{
    [Theory]
    [InlineData("GET", "/v1/nothing-here")]
    [InlineData("POST", "/v1/broadcasts/bc_x/explode")]
    [InlineData("GET", "/")]
    [InlineData("DELETE", "/v2/broadcasts")]
    public async Task An_unknown_route_is_404_NOT_FOUND_problem(string method, string path)
    {
        using var http = api.Anonymous();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task An_unknown_route_is_404_even_with_a_valid_key()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);

        using var response = await tenant.Http.GetAsync("/v1/templates-not-built");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_known_path_with_another_method_answers_a_problem()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);

        using var response = await tenant.Http.DeleteAsync("/v1/wallet");

        // API.md is silent on 404 versus 405 here; either way the answer is a problem with the status's code.
        var code = response.StatusCode == HttpStatusCode.MethodNotAllowed ? "METHOD_NOT_ALLOWED" : "NOT_FOUND";
        await response.AssertProblemAsync(response.StatusCode is HttpStatusCode.MethodNotAllowed ? response.StatusCode : HttpStatusCode.NotFound, code);
    }
}
