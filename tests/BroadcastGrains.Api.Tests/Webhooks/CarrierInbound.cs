using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>A handset's message as the simulator carrier's inbound callback delivers it.</summary>
internal static class CarrierInbound
{
    /// <summary>Posts it with the carrier secret; answers the callback's outcome (kind, clients, counted replies).</summary>
    public static async Task<JsonNode> PostAsync(ApiFixture api, string from, string to, string text)
    {
        using var carrier = api.Anonymous();
        carrier.DefaultRequestHeaders.Add("X-Carrier-Secret", ApiFixture.CarrierSecret);
        using var response = await carrier.PostJsonAsync("/v1/carrier/simulator/inbound", new { from, to, text, at = DateTimeOffset.UtcNow });
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }
}
