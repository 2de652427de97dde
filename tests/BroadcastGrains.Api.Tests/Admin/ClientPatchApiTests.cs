using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Admin;

/// <summary>Issue 20 item 5: <c>PATCH /v1/admin/clients/{id}</c> changes only the fields given, at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClientPatchApiTests(ApiFixture api)
{
    static Task<HttpResponseMessage> PatchAsync(HttpClient http, string path, string json) => http.SendJsonAsync(HttpMethod.Patch, path, json);

    [Fact]
    public async Task A_patch_changes_the_fields_it_gives_clears_the_nulls_and_keeps_the_rest()
    {
        using var client = await Clients.CreateAsync(api, new JsonObject
        {
            ["dailyQuota"] = 7, ["refundFailed"] = true, ["webhookUrl"] = "https://hooks.example/a", ["webhookSecret"] = "s3cret",
        });
        using var admin = api.Operator();

        using var response = await PatchAsync(admin, $"/v1/admin/clients/{client.ClientId}",
            """{"rateLimit": {"requests": 50, "perSeconds": 10}, "webhookUrl": null, "creditLimit": 25.5, "lowBalanceAlert": 5}""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        var read = await admin.GetJsonAsync($"/v1/admin/clients/{client.ClientId}");
        foreach (var view in new[] { patched, read })
        {
            Assert.Equal(50, view["rateLimit"]!.Long("requests"));
            Assert.Null(view["webhookUrl"]);
            Assert.Equal(25.5m, view.Dec("creditLimit"));
            Assert.Equal(5m, view.Dec("lowBalanceAlert"));
            Assert.Equal(7, view.Long("dailyQuota"));
            Assert.True(view.Bool("refundFailed"));
            Assert.True(view.Bool("hasWebhookSecret"));
        }
    }

    [Fact]
    public async Task A_lowered_rate_limit_holds_from_the_next_request()
    {
        using var client = await Clients.CreateAsync(api, []);
        for (var i = 0; i < 3; i++)
        {
            await client.Http.GetJsonAsync("/v1/senders");
        }
        using var admin = api.Operator();

        using var patched = await PatchAsync(admin, $"/v1/admin/clients/{client.ClientId}", """{"rateLimit": {"requests": 2, "perSeconds": 3600}}""");

        await patched.ReadJsonAsync(HttpStatusCode.OK);
        await client.Http.GetJsonAsync("/v1/senders");
        await client.Http.GetJsonAsync("/v1/senders");
        using var refused = await client.Http.GetAsync("/v1/senders");
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Theory]
    [InlineData("""{"creditLimit": -1}""", "creditLimit")]
    [InlineData("""{"lowBalanceAlert": 0.00001}""", "lowBalanceAlert")]
    [InlineData("""{"rateLimit": {"requests": 0, "perSeconds": 1}}""", "rateLimit")]
    [InlineData("""{"webhookUrl": "ftp://hooks.example"}""", "webhookUrl")]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"agencyId": "ag_x"}""", "agencyId")]
    [InlineData("""{"dailyQuota": 0, "name": "Renamed"}""", "dailyQuota")]
    public async Task A_bad_field_is_400_naming_it_and_changes_nothing(string body, string field)
    {
        using var client = await Clients.CreateAsync(api, new JsonObject { ["dailyQuota"] = 7 });
        using var admin = api.Operator();
        var before = (await admin.GetJsonAsync($"/v1/admin/clients/{client.ClientId}")).ToJsonString();

        using var response = await PatchAsync(admin, $"/v1/admin/clients/{client.ClientId}", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(before, (await admin.GetJsonAsync($"/v1/admin/clients/{client.ClientId}")).ToJsonString());
    }

    [Fact]
    public async Task Patching_an_unknown_client_is_404_and_a_client_key_may_not_patch()
    {
        using var client = await Clients.CreateAsync(api, []);
        using var admin = api.Operator();

        using var unknown = await PatchAsync(admin, "/v1/admin/clients/cl_nosuchclient", """{"dailyQuota": 5}""");
        using var byClient = await PatchAsync(client.Http, $"/v1/admin/clients/{client.ClientId}", """{"dailyQuota": 5}""");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.True(byClient.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, byClient.StatusCode.ToString());
        Assert.Null((await admin.GetJsonAsync($"/v1/admin/clients/{client.ClientId}"))["dailyQuota"]);
    }
}
