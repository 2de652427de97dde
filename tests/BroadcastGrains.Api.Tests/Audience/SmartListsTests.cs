using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Catalogue;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Lifecycle;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Audience;

/// <summary>Issue 19 item 2: smart lists — created, read, previewed, sent to with <c>smartListSlug</c>, resolved per run.</summary>
[Collection(ClockedApiCollection.Name)]
public sealed class SmartListsTests(ClockedApiFixture api)
{
    [Fact]
    public async Task A_recurring_broadcast_on_a_smart_list_sends_each_run_to_the_contacts_that_match_then()
    {
        using var client = await Clients.CreateAsync(api, [], credits: 10);
        var listId = await ContactListKit.CreateAsync(client, "customers");
        var numbers = CreateBodies.ValidNumbers(17205550000, 4);
        await ContactListKit.UploadCsvAsync(client, listId,
            ContactListKit.Csv(numbers[..3], "city", i => i == 1 ? "Nairobi" : "Kampala"));
        var smart = new JsonObject
        {
            ["slug"] = "kampala", ["name"] = "Kampala", ["listIds"] = new JsonArray(listId),
            ["where"] = new JsonArray(new JsonObject { ["variable"] = "city", ["op"] = "equals", ["value"] = "Kampala" }),
        };
        using (var created = await client.Http.PostJsonAsync("/v1/smart-lists", smart.ToJsonString()))
        {
            Assert.Equal("kampala", (await created.ReadJsonAsync(HttpStatusCode.Created)).Str("slug"));
        }
        Assert.Equal(2, (await client.Http.GetJsonAsync("/v1/smart-lists/kampala/preview")).Long("count"));
        Assert.Equal("equals", (await client.Http.GetJsonAsync("/v1/smart-lists/kampala")).Arr("where")[0]!.Str("op"));
        using (var unknown = await client.Http.PostJsonAsync("/v1/broadcasts", new { name = "x", from = "MyShop", body = "hi", smartListSlug = "nope" }))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "SMART_LIST_NOT_FOUND");
        }

        var first = api.Clock.GetUtcNow().AddMinutes(5);
        first = new DateTimeOffset(first.UtcTicks - (first.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var broadcast = await client.SendAsync(new JsonObject
        {
            ["name"] = "Kampala weekly", ["from"] = ApiFixture.SharedSender, ["body"] = "Hi {{city}}", ["smartListSlug"] = "kampala",
            ["scheduleMode"] = "recurring", ["recurrenceRule"] = "FREQ=WEEKLY;COUNT=2", ["scheduledAt"] = LifecycleBodies.Instant(first),
        });
        var id = broadcast.Str("id");
        Assert.Equal("kampala", broadcast.Str("smartListSlug"));

        await api.RunAtAsync(id, first.AddSeconds(1));
        await ListsResolvedPerRunTests.WaitForRunAsync(client, id, 1);
        Assert.Equal(CreateBodies.E164([numbers[0], numbers[2]]), await ListsResolvedPerRunTests.SentToAsync(client, id));

        // A new Kampala contact, and one who moved to Nairobi.
        await ContactListKit.UploadCsvAsync(client, listId, ContactListKit.Csv([numbers[2], numbers[3]], "city", i => i == 0 ? "Nairobi" : "Kampala"));
        Assert.Equal(2, (await client.Http.GetJsonAsync("/v1/smart-lists/kampala/preview")).Long("count"));

        await api.RunAtAsync(id, first.AddDays(7).AddSeconds(1));
        await ListsResolvedPerRunTests.WaitForRunAsync(client, id, 2);
        Assert.Equal(CreateBodies.E164([numbers[0], numbers[3]]), await ListsResolvedPerRunTests.SentToAsync(client, id));

        using (var deleted = await client.Http.DeleteAsync("/v1/smart-lists/kampala"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using var gone = await client.Http.GetAsync("/v1/smart-lists/kampala");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound, "SMART_LIST_NOT_FOUND");
    }
}
