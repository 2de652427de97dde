using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Tenancy;

/// <summary>API.md: a client never sees another client's anything; foreign ids answer 404 and change nothing.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class TenancyMatrixTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task Every_endpoint_that_takes_an_id_answers_404_to_another_client_and_changes_nothing()
    {
        using var owner = await Clients.CreateAsync(api, [], credits: 10);
        using var stranger = await Clients.CreateAsync(api, [], credits: 10);
        var phone = CreateBodies.E164(CreateBodies.ValidNumbers(14155550200, 1)[0]);

        // The owner's things: a draft broadcast (cancel or send-now would change it), a template, a list, an opt-out.
        var draft = CreateBodies.Body(phone);
        draft["scheduleMode"] = "draft";
        var broadcast = await owner.SendAsync(draft);
        var id = broadcast.Str("id");
        using (var t = await owner.Http.PostJsonAsync("/v1/templates", new { name = "promo", body = "Hi {{name}}" }))
        {
            await t.ReadJsonAsync(HttpStatusCode.Created);
        }
        using var listResponse = await owner.Http.PostJsonAsync("/v1/contact-lists", new { name = "vip" });
        var listId = (await listResponse.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        using (var c = await owner.Http.PostJsonAsync($"/v1/contact-lists/{listId}/contacts", new[] { new { phone } }))
        {
            await c.ReadJsonAsync(HttpStatusCode.OK);
        }
        using (var o = await owner.Http.PostJsonAsync("/v1/opt-outs", new { phone = "+14155550999" }))
        {
            await o.ReadJsonAsync(HttpStatusCode.Created);
        }

        var requests = new (HttpMethod Method, string Path, object? Body, string Code)[]
        {
            (HttpMethod.Get, $"/v1/broadcasts/{id}", null, "NOT_FOUND"),
            (HttpMethod.Patch, $"/v1/broadcasts/{id}", new { name = "mine now" }, "NOT_FOUND"),
            (HttpMethod.Get, $"/v1/broadcasts/{id}/recipients", null, "NOT_FOUND"),
            (HttpMethod.Get, $"/v1/broadcasts/{id}/runs", null, "NOT_FOUND"),
            (HttpMethod.Get, $"/v1/broadcasts/{id}/events", null, "NOT_FOUND"),
            (HttpMethod.Post, $"/v1/broadcasts/{id}/cancel", null, "NOT_FOUND"),
            (HttpMethod.Post, $"/v1/broadcasts/{id}/pause", null, "NOT_FOUND"),
            (HttpMethod.Post, $"/v1/broadcasts/{id}/resume", null, "NOT_FOUND"),
            (HttpMethod.Post, $"/v1/broadcasts/{id}/send-now", null, "NOT_FOUND"),
            (HttpMethod.Post, $"/v1/broadcasts/{id}/approve", null, "NOT_FOUND"),
            (HttpMethod.Get, "/v1/templates/promo", null, "TEMPLATE_NOT_FOUND"),
            (HttpMethod.Get, $"/v1/contact-lists/{listId}", null, "LIST_NOT_FOUND"),
            (HttpMethod.Post, $"/v1/contact-lists/{listId}/contacts", new[] { new { phone = "+14155550123" } }, "LIST_NOT_FOUND"),
            (HttpMethod.Delete, "/v1/opt-outs/+14155550999", null, "NOT_FOUND"),
            (HttpMethod.Post, "/v1/broadcasts", new { name = "x", from = "MyShop", body = "hi", listIds = new[] { listId } }, "LIST_NOT_FOUND"),
            (HttpMethod.Post, "/v1/broadcasts", new { name = "x", from = "MyShop", templateName = "promo", recipients = new[] { phone } }, "TEMPLATE_NOT_FOUND"),
        };
        foreach (var (method, path, body, code) in requests)
        {
            using var response = body is null
                ? await stranger.Http.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)))
                : await stranger.Http.SendJsonAsync(method, path, body);
            await response.AssertProblemAsync(HttpStatusCode.NotFound, code);
        }

        // Nothing of the owner's changed, and the stranger made nothing.
        var after = await owner.BroadcastAsync(id);
        Assert.Equal("draft", after.Str("status"));
        Assert.Equal(broadcast.Str("name"), after.Str("name"));
        Assert.Equal("Hi {{name}}", (await owner.Http.GetJsonAsync("/v1/templates/promo")).Str("body"));
        Assert.Equal(1, (await owner.Http.GetJsonAsync($"/v1/contact-lists/{listId}")).Long("contactCount"));
        Assert.Single((await owner.Http.GetJsonAsync("/v1/opt-outs")).Arr("items"));
        await stranger.AssertNothingHappenedAsync(10);
        Assert.Empty((await stranger.Http.GetJsonAsync("/v1/templates")).Arr("items"));
        Assert.Empty((await stranger.Http.GetJsonAsync("/v1/opt-outs")).Arr("items"));
    }
}
