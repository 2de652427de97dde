using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Operations;

namespace BroadcastGrains.Api.Tests.Edge;

/// <summary>
/// Issue 14 item 9: behind the proxies <c>Broadcast__Http__TrustedProxies</c> names (here 127.0.0.1), IP allowlists
/// judge the forwarded client and the dashboard cookie is <c>Secure</c> when the proxy says HTTPS.
/// </summary>
[Collection(EdgeApiCollection.Name)]
public sealed class TrustedProxyTests(EdgeApiFixture api)
{
    [Fact]
    public async Task An_allowlisted_client_behind_a_trusted_proxy_passes_and_an_address_the_chain_did_not_vouch_for_does_not()
    {
        using var tenant = await Tenant.CreateAsync(api, 1m);
        var (_, key) = await tenant.IssueKeyAsync(["wallet:read"], ["203.0.113.0/24"]);
        using var http = api.WithBearer(key);

        using var forwarded = await GetWalletAsync(http, "203.0.113.5");
        using var direct = await GetWalletAsync(http, forwardedFor: null);
        // 198.51.100.7 is the hop in front of the trusted proxy and is no proxy of ours: it is the client, whatever it wrote before.
        using var spoofed = await GetWalletAsync(http, "203.0.113.5, 198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        await direct.AssertProblemAsync(HttpStatusCode.Forbidden, "IP_NOT_ALLOWED");
        await spoofed.AssertProblemAsync(HttpStatusCode.Forbidden, "IP_NOT_ALLOWED");
    }

    [Fact]
    public async Task The_dashboard_cookie_lasts_12_hours_and_is_Secure_when_the_proxy_forwards_https()
    {
        using var browser = Browserless.Client(api);

        using var overHttps = await LoginAsync(browser, "https");
        using var overHttp = await LoginAsync(browser, proto: null);

        var secure = Assert.Single(overHttps.Headers.GetValues("Set-Cookie"));
        var plain = Assert.Single(overHttp.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", secure.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.DoesNotContain("secure", plain.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.Contains("max-age=43200", secure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", secure, StringComparison.OrdinalIgnoreCase);
    }

    static Task<HttpResponseMessage> GetWalletAsync(HttpClient http, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/wallet", UriKind.Relative));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return http.SendAsync(request);
    }

    static Task<HttpResponseMessage> LoginAsync(HttpClient browser, string? proto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/dashboard?key={ApiFixture.AdminKey}", UriKind.Relative));
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }
        return browser.SendAsync(request);
    }
}
