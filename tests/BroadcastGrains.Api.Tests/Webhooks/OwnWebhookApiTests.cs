using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>Issue 20 item 4: <c>GET/PUT /v1/webhook</c>, the client's own webhook with a write-only secret.</summary>
[Collection(ApiCollection.Name)]
public sealed class OwnWebhookApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_client_sets_its_webhook_reads_it_back_without_the_secret_and_the_operator_sees_it()
    {
        using var client = await Clients.CreateAsync(api, [], scopes: ["keys:write"]);

        using var put = await client.Http.PutJsonAsync("/v1/webhook",
            new { url = "https://hooks.example/in", secret = "s3cret", events = new[] { "broadcast.failed" } });

        var answer = await put.ReadJsonAsync(HttpStatusCode.OK);
        var read = await client.Http.GetJsonAsync("/v1/webhook");
        foreach (var view in new[] { answer, read })
        {
            Assert.Equal("https://hooks.example/in", view.Str("url"));
            Assert.True(view.Bool("hasSecret"));
            Assert.Null(view["secret"]);
            Assert.Equal("broadcast.failed", view.Arr("events").Single()!.GetValue<string>());
        }
        using var admin = api.Operator();
        var profile = await admin.GetJsonAsync($"/v1/admin/clients/{client.ClientId}");
        Assert.Equal("https://hooks.example/in", profile.Str("webhookUrl"));

        // A PUT without a secret keeps it: the client cannot read it back to send it again.
        using var again = await client.Http.PutJsonAsync("/v1/webhook", new { url = "https://hooks.example/other" });
        Assert.True((await again.ReadJsonAsync(HttpStatusCode.OK)).Bool("hasSecret"));
    }

    [Theory]
    [InlineData("""{"url": "ftp://hooks.example"}""", "url")]
    [InlineData("""{"url": "not a url"}""", "url")]
    [InlineData("""{"url": "https://hooks.example", "events": ["no.such"]}""", "events")]
    public async Task A_bad_webhook_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        using var client = await Clients.CreateAsync(api, new JsonObject { ["webhookUrl"] = "https://hooks.example/keep" }, scopes: ["keys:write"]);

        using var response = await client.Http.PutJsonAsync("/v1/webhook", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal("https://hooks.example/keep", (await client.Http.GetJsonAsync("/v1/webhook")).Str("url"));
    }

    [Fact]
    public async Task The_webhook_needs_keys_write()
    {
        using var client = await Clients.CreateAsync(api, [], scopes: ["sms:send", "sms:read"]);

        using var response = await client.Http.GetAsync("/v1/webhook");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "SCOPE_INSUFFICIENT");
    }
}
