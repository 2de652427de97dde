using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary><c>/ui</c> is served by the silo itself, with nothing else to install (the browser test drives it).</summary>
[Collection(ApiCollection.Name)]
public sealed class UiPageTests(ApiFixture api)
{
    [Fact]
    public async Task The_page_and_its_script_are_served_without_a_key_and_load_nothing_from_elsewhere()
    {
        using var http = Browserless.Client(api);
        using (var redirect = await http.GetAsync(new Uri("/ui", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal("/ui/", redirect.Headers.Location?.OriginalString);
        }
        using var page = await http.GetAsync(new Uri("/ui/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("API key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        using var script = await http.GetAsync(new Uri("/ui/app.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/ui/missing.js")]
    [InlineData("/ui/%2e%2e/appsettings.json")]
    [InlineData("/ui/..%2fappsettings.json")]
    public async Task Nothing_outside_the_page_folder_is_served(string path)
    {
        using var http = api.Anonymous();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
