using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Tenancy;

/// <summary>API.md: an agency key acts for exactly its own clients, named with <c>X-Client-Id</c>.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class AgencyKeyTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task An_agency_key_reaches_its_clients_and_no_others()
    {
        var (agencyId, agencyKey) = await Clients.AgencyAsync(api);
        var (_, otherAgencyKey) = await Clients.AgencyAsync(api);
        using var mine = await Clients.CreateAsync(api, new JsonObject { ["agencyId"] = agencyId }, credits: 5);
        using var alsoMine = await Clients.CreateAsync(api, new JsonObject { ["agencyId"] = agencyId });
        using var notMine = await Clients.CreateAsync(api, [], credits: 5);

        // Acting for its client: the broadcast is that client's.
        using var asMine = For(agencyKey, mine.ClientId);
        using var created = await asMine.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551234").ToJsonString());
        var broadcast = await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(mine.ClientId, broadcast.Str("clientId"));
        Assert.Equal(broadcast.Str("id"), (await mine.Http.GetJsonAsync("/v1/broadcasts")).Arr("items")[0]!.Str("id"));

        // The agency's other client sees none of it, through the same key.
        using var asAlsoMine = For(agencyKey, alsoMine.ClientId);
        Assert.Empty((await asAlsoMine.GetJsonAsync("/v1/broadcasts")).Arr("items"));
        using (var foreign = await asAlsoMine.GetAsync($"/v1/broadcasts/{broadcast.Str("id")}"))
        {
            await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        // Another agency's key, a client the agency does not own, and no X-Client-Id at all.
        using (var other = For(otherAgencyKey, mine.ClientId))
        using (var response = await other.GetAsync("/v1/wallet"))
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, "CLIENT_NOT_ALLOWED");
        }
        using (var stranger = For(agencyKey, notMine.ClientId))
        using (var response = await stranger.PostJsonAsync("/v1/broadcasts", CreateBodies.Body("+12125551234").ToJsonString()))
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, "CLIENT_NOT_ALLOWED");
        }
        using (var unnamed = api.WithBearer(agencyKey))
        using (var response = await unnamed.GetAsync("/v1/broadcasts"))
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
            Assert.Contains("X-Client-Id", Problems.ErrorFields(problem));
        }
        await notMine.AssertNothingHappenedAsync(5);
    }

    [Fact]
    public async Task A_client_key_naming_another_client_is_refused_and_naming_itself_is_fine()
    {
        using var client = await Clients.CreateAsync(api, []);
        using var other = await Clients.CreateAsync(api, []);
        using var self = api.WithBearer(client.Key);
        self.DefaultRequestHeaders.Add("X-Client-Id", client.ClientId);
        Assert.Empty((await self.GetJsonAsync("/v1/broadcasts")).Arr("items"));

        using var naming = api.WithBearer(client.Key);
        naming.DefaultRequestHeaders.Add("X-Client-Id", other.ClientId);
        using var response = await naming.GetAsync("/v1/broadcasts");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "CLIENT_NOT_ALLOWED");
    }

    [Fact]
    public async Task A_client_cannot_name_an_agency_that_does_not_exist()
    {
        using var admin = api.Operator();
        using var response = await admin.PostJsonAsync("/v1/admin/clients", new { name = "Orphan", agencyId = "ag_aaaaaaaaaaaaaaaa" });
        await response.AssertValidationAsync("agencyId");
    }

    HttpClient For(string key, string clientId)
    {
        var http = api.WithBearer(key);
        http.DefaultRequestHeaders.Add("X-Client-Id", clientId);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }
}
