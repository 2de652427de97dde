using BroadcastGrains.Links;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BroadcastGrains.Silo.Api;

/// <summary>API.md "Links": <c>GET /l/{code}</c>, public, 302 to the original URL with the click counted; unknown → 404.</summary>
internal static class LinksApi
{
    /// <summary>
    /// Without <c>Broadcast__Links__BaseUrl</c>, short links point at the address this silo's API listens on. The
    /// options are first read when a broadcast is planned, after the server started, so the port it bound (even one the
    /// system picked for <c>:0</c>) is known by then.
    /// </summary>
    public static void AddLinksApi(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<BroadcastGrains.Links.LinkOptions>().PostConfigure<IServer>((options, server) =>
        {
            if (string.IsNullOrWhiteSpace(options.BaseUrl))
            {
                options.BaseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses
                    .FirstOrDefault(url => !url.Contains('*', StringComparison.Ordinal) && !url.Contains("+:", StringComparison.Ordinal)
                        && !url.EndsWith(":0", StringComparison.Ordinal));
            }
        });

    public static void MapLinksApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/l/{code}", async (string code, LinkRedirects links) => await links.ResolveAsync(code) is { } url
                ? Results.Redirect(url)
                : ApiProblems.Result(BroadcastGrains.Broadcasts.ErrorCodes.NotFound, "no such link (or it has expired)"))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
