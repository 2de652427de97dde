using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>API.md "Catalogue": senders and templates start pending; only approved ones can be used in a broadcast.</summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class SendersAndTemplatesTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task A_broadcast_from_a_sender_that_is_not_approved_is_422_and_changes_nothing()
    {
        using var client = await Clients.CreateAsync(api, [], credits: 5);
        using var admin = api.Operator();
        using var registered = await client.Http.PostJsonAsync("/v1/senders", new { name = "Promo" });
        var sender = await registered.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", sender.Str("status"));
        Assert.Equal("alphanumeric", sender.Str("kind"));

        foreach (var from in new[] { "Promo", "NeverSeen" })
        {
            var body = CreateBodies.Body("+12125551234");
            body["from"] = from;
            using var refused = await client.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());
            var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SENDER_NOT_APPROVED");
            Assert.Equal(["from"], Problems.ErrorFields(problem));
        }
        using (var rejected = await admin.PostEmptyAsync($"/v1/admin/senders/{sender.Str("id")}/reject"))
        {
            Assert.Equal("rejected", (await rejected.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        }
        await client.AssertNothingHappenedAsync(5);

        using (var approved = await admin.PostEmptyAsync($"/v1/admin/senders/{sender.Str("id")}/approve"))
        {
            Assert.Equal("approved", (await approved.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        }
        var ok = CreateBodies.Body("+12125551234");
        ok["from"] = "PROMO";
        Assert.Equal("PROMO", (await client.SendAsync(ok)).Str("from"));
        var listed = (await client.Http.GetJsonAsync("/v1/senders")).Arr("items");
        Assert.Equal(["Promo", "MyShop"], listed.Select(s => s!.Str("name")));
    }

    [Fact]
    public async Task Senders_are_checked_and_an_unknown_sender_id_is_404()
    {
        using var client = await Clients.CreateAsync(api, []);
        using var bad = await client.Http.PostJsonAsync("/v1/senders", new { name = "Way too long a name" });
        await bad.AssertValidationAsync("name");
        using var number = await client.Http.PostJsonAsync("/v1/senders", new { name = "+14155550100" });
        Assert.Equal("phone_number", (await number.ReadJsonAsync(HttpStatusCode.Created)).Str("kind"));
        using var admin = api.Operator();
        using var unknown = await admin.PostEmptyAsync("/v1/admin/senders/snd_aaaaaaaaaaaaaaaa/approve");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_template_must_exist_and_be_approved_and_then_renders_per_recipient_variables()
    {
        using var client = await Clients.CreateAsync(api, [], credits: 5);
        using var admin = api.Operator();

        using (var missing = await client.Http.PostJsonAsync("/v1/broadcasts", FromTemplate("welcome", Ann()).ToJsonString()))
        {
            await missing.AssertProblemAsync(HttpStatusCode.NotFound, "TEMPLATE_NOT_FOUND");
        }
        using var created = await client.Http.PostJsonAsync("/v1/templates", new { name = "welcome", body = "Hi {{first_name}}!" });
        var template = await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", template.Str("status"));
        using (var pending = await client.Http.PostJsonAsync("/v1/broadcasts", FromTemplate("welcome", Ann()).ToJsonString()))
        {
            await pending.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "TEMPLATE_NOT_APPROVED");
        }
        using (var taken = await client.Http.PostJsonAsync("/v1/templates", new { name = "welcome", body = "Other" }))
        {
            await taken.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        }
        await client.AssertNothingHappenedAsync(5);

        using (var approved = await admin.PostEmptyAsync($"/v1/admin/templates/{template.Str("id")}/approve"))
        {
            Assert.Equal("approved", (await approved.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        }
        // A recipient without the template's variable: MISSING_VARIABLE, nothing created.
        using (var lacking = await client.Http.PostJsonAsync("/v1/broadcasts",
            FromTemplate("welcome", Ann(), new JsonObject { ["to"] = "+12125551235" }).ToJsonString()))
        {
            await lacking.AssertProblemAsync(HttpStatusCode.BadRequest, "MISSING_VARIABLE");
        }
        await client.AssertNothingHappenedAsync(5);

        var broadcast = await client.SendAsync(FromTemplate("welcome", Ann()));
        Assert.Equal("welcome", broadcast.Str("templateName"));
        Assert.Equal("Hi {{first_name}}!", broadcast.Str("body"));
        var done = await client.WaitForStatusAsync(broadcast.Str("id"), "completed");
        Assert.Equal(1, done["drSummary"]!.Long("delivered"));
        Assert.Equal("Hi {{first_name}}!", (await client.Http.GetJsonAsync("/v1/templates/welcome")).Str("body"));
    }

    static JsonObject Ann() => new() { ["to"] = "+12125551234", ["variables"] = new JsonObject { ["first_name"] = "Ann" } };

    static JsonObject FromTemplate(string name, params JsonObject[] recipients) => new()
    {
        ["name"] = "Welcome",
        ["from"] = "MyShop",
        ["templateName"] = name,
        ["recipients"] = new JsonArray([.. recipients]),
    };
}
