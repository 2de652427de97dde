using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>
/// API.md "Operator endpoints": a sender name is approved for one client at a time. Approving a name another client
/// holds approved is 409 <c>SENDER_TAKEN</c> and changes nothing, also when two approvals arrive at once.
/// </summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class SenderOwnershipTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task Approving_a_name_another_client_holds_approved_is_409_SENDER_TAKEN_and_changes_nothing()
    {
        using var owner = await Clients.CreateAsync(api, [], credits: 5);
        using var squatter = await Clients.CreateAsync(api, [], credits: 5);
        using var third = await Clients.CreateAsync(api, []);
        var name = "Ow" + Guid.NewGuid().ToString("N")[..8];
        await Clients.ApproveSenderAsync(api, owner.ClientId, name);
        var pendingId = await RegisterAsync(squatter, name.ToLowerInvariant());
        using var admin = api.Operator();

        using (var refused = await admin.PostEmptyAsync($"/v1/admin/senders/{pendingId}/approve"))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "SENDER_TAKEN");
        }
        using (var registered = await admin.PostJsonAsync($"/v1/admin/clients/{third.ClientId}/senders", new { name = name.ToUpperInvariant() }))
        {
            await registered.AssertProblemAsync(HttpStatusCode.Conflict, "SENDER_TAKEN");
        }

        // Nothing changed: the squatter's registration is still pending and cannot send, the third client has none.
        Assert.Equal("pending", (await SenderAsync(squatter, pendingId)).Str("status"));
        var body = CreateBodies.Body("+12125551234");
        body["from"] = name;
        using (var create = await squatter.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString()))
        {
            await create.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SENDER_NOT_APPROVED");
        }
        await squatter.AssertNothingHappenedAsync(5);
        Assert.DoesNotContain(await NamesAsync(third), n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(name, (await owner.SendAsync(body)).Str("from"));

        // Once the holder's approval is withdrawn, the name is free for the next client.
        var ownerSenderId = (await owner.Http.GetJsonAsync("/v1/senders")).Arr("items").Single(s => s!.Str("name") == name)!.Str("id");
        using (var rejected = await admin.PostEmptyAsync($"/v1/admin/senders/{ownerSenderId}/reject"))
        {
            Assert.Equal("rejected", (await rejected.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        }
        using var approved = await admin.PostEmptyAsync($"/v1/admin/senders/{pendingId}/approve");
        Assert.Equal("approved", (await approved.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task Of_two_approvals_of_one_name_at_once_exactly_one_wins()
    {
        using var admin = api.Operator();
        for (var round = 0; round < 10; round++)
        {
            using var first = await Clients.CreateAsync(api, []);
            using var second = await Clients.CreateAsync(api, []);
            var name = "Race" + Guid.NewGuid().ToString("N")[..6];
            var ids = new[] { await RegisterAsync(first, name), await RegisterAsync(second, name) };

            var answers = await Task.WhenAll(ids.Select(id => admin.PostEmptyAsync($"/v1/admin/senders/{id}/approve")));

            try
            {
                Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
                var statuses = new[] { (await SenderAsync(first, ids[0])).Str("status"), (await SenderAsync(second, ids[1])).Str("status") };
                Assert.Equal(["approved", "pending"], statuses.Order());
                var winner = answers[0].StatusCode == HttpStatusCode.OK ? 0 : 1;
                Assert.Equal("approved", statuses[winner]);
            }
            finally
            {
                foreach (var answer in answers)
                {
                    answer.Dispose();
                }
            }
        }
    }

    static async Task<string> RegisterAsync(Tenant client, string name)
    {
        using var registered = await client.Http.PostJsonAsync("/v1/senders", new JsonObject { ["name"] = name }.ToJsonString());
        var sender = await registered.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", sender.Str("status"));
        return sender.Str("id");
    }

    static async Task<JsonNode> SenderAsync(Tenant client, string id) =>
        (await client.Http.GetJsonAsync("/v1/senders")).Arr("items").Single(s => s!.Str("id") == id)!;

    static async Task<List<string>> NamesAsync(Tenant client) =>
        (await client.Http.GetJsonAsync("/v1/senders")).Arr("items").Select(s => s!.Str("name")).ToList();
}
