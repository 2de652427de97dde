using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary>A plain client that neither follows redirects nor keeps cookies, so tests see each answer as sent.</summary>
internal static class Browserless
{
    public static HttpClient Client(ApiFixture api) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = api.BaseAddress };
}
