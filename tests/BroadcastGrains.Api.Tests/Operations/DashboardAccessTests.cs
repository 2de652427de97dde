using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary><c>/dashboard</c> is the operator's: by bearer key, or in a browser by a cookie traded once for the key.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardAccessTests(ApiFixture api)
{
    [Fact]
    public async Task Without_the_operator_key_the_dashboard_answers_401_or_403()
    {
        using var anonymous = api.Anonymous();
        using (var response = await anonymous.GetAsync(new Uri("/dashboard/", UriKind.Relative)))
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        }
        using var tenant = await Tenant.CreateAsync(api);
        using (var response = await tenant.Http.GetAsync(new Uri("/dashboard/", UriKind.Relative)))
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
        }
        using (var response = await anonymous.GetAsync(new Uri("/dashboard?key=not-the-key", UriKind.Relative)))
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
    }

    [Fact]
    public async Task The_operator_key_as_bearer_opens_the_dashboard()
    {
        using var admin = api.Operator();
        using var response = await admin.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_browser_trades_the_key_once_for_an_HttpOnly_cookie_and_the_address_loses_the_key()
    {
        using var browser = Browserless.Client(api); // cookies handled by hand, as a browser would
        using var login = await browser.GetAsync(new Uri($"/dashboard?key={ApiFixture.AdminKey}&tab=grains", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/dashboard?tab=grains", login.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ApiFixture.AdminKey, setCookie, StringComparison.Ordinal);

        var cookie = setCookie.Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var page = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/", UriKind.Relative));
        forged.Headers.Add("Cookie", "bg_dashboard=" + ApiFixture.AdminKey);
        using var refused = await browser.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
