using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Links;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Api.Tests.Links;

/// <summary>
/// What the link tests need beyond the API: the short codes a broadcast's recipients were sent (the simulator keeps no
/// texts, so they are made again from the broadcast's link block, found through the directory), a client that does not
/// follow redirects, and counting the queued clicks now rather than at the next flush.
/// </summary>
internal static class TrackedBroadcasts
{
    /// <summary>Creates a <c>trackLinks</c> broadcast and answers it with its block number and the code key.</summary>
    public static async Task<(JsonNode Broadcast, long Block, ulong Key)> SendAsync(ApiFixture api, Tenant tenant, JsonObject body)
    {
        var directory = api.Services.GetRequiredService<IGrainFactory>().GetGrain<ILinkDirectoryGrain>(ILinkDirectoryGrain.Key);
        var (before, key) = await directory.ReserveAsync();
        body["trackLinks"] = true;
        var broadcast = await tenant.SendAsync(body);
        var id = broadcast.Str("id");
        // Another test's broadcast may have taken a block in between: the block that names this broadcast is its own.
        for (var block = before + 1; block < before + 100; block++)
        {
            if (await BlockAsync(api, block) is { } found && found.BroadcastId == id)
            {
                return (broadcast, block, key);
            }
        }
        throw new InvalidOperationException($"No link block names broadcast {id}.");
    }

    public static Task<LinkBlock?> BlockAsync(ApiFixture api, long block) =>
        api.Services.GetRequiredService<IGrainFactory>().GetGrain<ILinkBlockGrain>(block).GetAsync();

    /// <summary>A client with no key that reports a 302 rather than following it.</summary>
    public static HttpClient Visitor(ApiFixture api) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = api.BaseAddress };

    public static async Task<HttpStatusCode> ClickAsync(HttpClient visitor, string code, string expectedUrl)
    {
        using var response = await visitor.GetAsync("l/" + code);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal(expectedUrl, response.Headers.Location?.OriginalString);
        }
        return response.StatusCode;
    }

    public static Task FlushClicksAsync(ApiFixture api) => api.Services.GetRequiredService<ClickFlusher>().FlushAsync();

    /// <summary>The CSV export's lines.</summary>
    public static async Task<string[]> ExportAsync(Tenant tenant, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/broadcasts/{id}/recipients");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await tenant.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
