using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Tenancy;

/// <summary>Clients with the policies a test needs (webhooks, limits, an agency), made through <c>/v1/admin</c>.</summary>
internal static class Clients
{
    public static readonly string[] EveryScope = ["*"];

    /// <summary>A client created with <paramref name="profile"/> (name added), a key and credits; it sends from the fixture's shared "MyShop".</summary>
    public static async Task<Tenant> CreateAsync(ApiFixture api, JsonObject profile, decimal credits = 0, string[]? scopes = null)
    {
        using var admin = api.Operator();
        profile["name"] ??= "Shop " + Guid.NewGuid().ToString("N")[..8];
        using var created = await admin.PostJsonAsync("/v1/admin/clients", profile.ToJsonString());
        var clientId = (await created.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        var (_, key) = await Tenant.IssueKeyAsync(api, clientId, scopes ?? EveryScope);
        if (credits > 0)
        {
            await Tenant.TopUpAsync(api, clientId, credits, "opening-balance");
        }
        return Tenant.FromKey(api, clientId, key);
    }

    /// <summary>The operator registers <paramref name="name"/> as an approved sender of the client.</summary>
    public static async Task ApproveSenderAsync(ApiFixture api, string clientId, string name)
    {
        using var admin = api.Operator();
        using var response = await admin.PostJsonAsync($"/v1/admin/clients/{clientId}/senders", new { name });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An agency and a key of it with every scope.</summary>
    public static async Task<(string AgencyId, string Key)> AgencyAsync(ApiFixture api)
    {
        using var admin = api.Operator();
        using var created = await admin.PostJsonAsync("/v1/admin/agencies", new { name = "Agency " + Guid.NewGuid().ToString("N")[..6] });
        var agencyId = (await created.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        using var key = await admin.PostJsonAsync($"/v1/admin/agencies/{agencyId}/api-keys", new { name = "agency", scopes = EveryScope });
        return (agencyId, (await key.ReadJsonAsync(HttpStatusCode.Created)).Str("key"));
    }

    /// <summary>A one-segment broadcast body from "MyShop".</summary>
    public static JsonObject Broadcast(params string[] recipients) => CreateBodies.Body(recipients);
}
