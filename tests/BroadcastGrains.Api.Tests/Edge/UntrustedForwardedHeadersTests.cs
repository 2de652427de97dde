using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Edge;

/// <summary>Issue 14 item 9: with no trusted proxy configured (the default), nobody's X-Forwarded-For is believed.</summary>
[Collection(ApiCollection.Name)]
public sealed class UntrustedForwardedHeadersTests(ApiFixture api)
{
    [Fact]
    public async Task A_forwarded_address_does_not_pass_an_allowlist_when_no_proxy_is_trusted()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);
        var (_, key) = await tenant.IssueKeyAsync(["wallet:read"], ["203.0.113.0/24"]);
        using var http = api.WithBearer(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/wallet", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");

        using var response = await http.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "IP_NOT_ALLOWED");
    }
}
