using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Catalogue;

/// <summary>
/// API.md <c>/v1/admin/shared-senders</c>: a name every client (or the listed ones) may send from, taken only while no
/// client holds it approved; <c>GET /v1/senders</c> lists it as <c>shared: true</c>. Each test shares names with its
/// own clients only, so the other tests of the collection see just the fixture's "MyShop".
/// </summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class SharedSendersApiTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task The_operator_shares_a_name_lists_it_changes_its_clients_and_stops_sharing_it()
    {
        using var client = await Clients.CreateAsync(api, []);
        using var admin = api.Operator();
        var name = "Sh" + Guid.NewGuid().ToString("N")[..8];

        using var created = await admin.PostJsonAsync("/v1/admin/shared-senders", new { name });
        var shared = await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("snd_", shared.Str("id"));
        Assert.Equal((name, "alphanumeric"), (shared.Str("name"), shared.Str("kind")));
        Assert.Null(shared["clientIds"]);
        Assert.Equal($"/v1/admin/shared-senders/{name}", created.Headers.Location?.OriginalString);
        try
        {
            using var narrowed = await admin.PostJsonAsync("/v1/admin/shared-senders", new { name = name.ToUpperInvariant(), clientIds = new[] { client.ClientId } });
            var again = await narrowed.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal((shared.Str("id"), name), (again.Str("id"), again.Str("name")));
            Assert.Equal([client.ClientId], again.Arr("clientIds").Select(c => c!.GetValue<string>()));
            var listed = (await admin.GetJsonAsync("/v1/admin/shared-senders")).Arr("items").Single(s => s!.Str("name") == name)!;
            Assert.Equal([client.ClientId], listed.Arr("clientIds").Select(c => c!.GetValue<string>()));
        }
        finally
        {
            using var deleted = await admin.DeleteAsync($"/v1/admin/shared-senders/{name.ToLowerInvariant()}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        Assert.DoesNotContain((await admin.GetJsonAsync("/v1/admin/shared-senders")).Arr("items"), s => s!.Str("name") == name);
        using var gone = await admin.DeleteAsync($"/v1/admin/shared-senders/{name}");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Bad_requests_and_a_name_a_client_holds_approved_are_refused_and_change_nothing()
    {
        using var holder = await Clients.CreateAsync(api, []);
        var held = "Hd" + Guid.NewGuid().ToString("N")[..8];
        await Clients.ApproveSenderAsync(api, holder.ClientId, held);
        using var admin = api.Operator();
        var fresh = "Fr" + Guid.NewGuid().ToString("N")[..8];
        var before = (await admin.GetJsonAsync("/v1/admin/shared-senders")).Arr("items").Count;

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { clientIds = new[] { holder.ClientId } }, "name"),
            (new { name = "Way too long a name" }, "name"),
            (new { name = "+0123" }, "name"),
            (new { name = fresh, clientIds = Array.Empty<string>() }, "clientIds"),
            (new { name = fresh, clientIds = new[] { holder.ClientId, "client-that-does-not-exist" } }, "clientIds"),
        })
        {
            using var refused = await admin.PostJsonAsync("/v1/admin/shared-senders", body);
            await refused.AssertValidationAsync(field);
        }
        using (var taken = await admin.PostJsonAsync("/v1/admin/shared-senders", new { name = held.ToLowerInvariant() }))
        {
            await taken.AssertProblemAsync(HttpStatusCode.Conflict, "SENDER_TAKEN");
        }
        using (var asClient = await holder.Http.PostJsonAsync("/v1/admin/shared-senders", new { name = fresh }))
        {
            Assert.True(asClient.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"a client key got {asClient.StatusCode}");
        }

        Assert.Equal(before, (await admin.GetJsonAsync("/v1/admin/shared-senders")).Arr("items").Count);
        var holderSenders = (await holder.Http.GetJsonAsync("/v1/senders")).Arr("items");
        Assert.Equal("approved", holderSenders.Single(s => s!.Str("name") == held)!.Str("status"));
        Assert.DoesNotContain(holderSenders, s => s!.Str("name") == fresh);
    }

    [Fact]
    public async Task A_client_the_name_is_shared_with_lists_it_and_sends_from_it_and_another_client_cannot()
    {
        using var user = await Clients.CreateAsync(api, [], credits: 5);
        using var other = await Clients.CreateAsync(api, [], credits: 5);
        using var admin = api.Operator();
        var name = "Us" + Guid.NewGuid().ToString("N")[..8];
        using (var shared = await admin.PostJsonAsync("/v1/admin/shared-senders", new { name, clientIds = new[] { user.ClientId } }))
        {
            await shared.ReadJsonAsync(HttpStatusCode.Created);
        }
        var body = CreateBodies.Body("+12125551234");
        body["from"] = name;
        try
        {
            var listed = (await user.Http.GetJsonAsync("/v1/senders")).Arr("items").Single(s => s!.Str("name") == name)!;
            Assert.Equal(("approved", true), (listed.Str("status"), listed.Bool("shared")));
            // The fixture's "MyShop" is shared with every client, so it is listed too.
            Assert.True((await user.Http.GetJsonAsync("/v1/senders")).Arr("items").Single(s => s!.Str("name") == "MyShop")!.Bool("shared"));
            Assert.DoesNotContain((await other.Http.GetJsonAsync("/v1/senders")).Arr("items"), s => s!.Str("name") == name);

            var sent = await user.SendAsync(body);
            Assert.Equal(name, sent.Str("from"));
            await user.WaitForStatusAsync(sent.Str("id"), "completed");
            using var refused = await other.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());
            await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SENDER_NOT_APPROVED");
            await other.AssertNothingHappenedAsync(5);
        }
        finally
        {
            using var deleted = await admin.DeleteAsync($"/v1/admin/shared-senders/{name}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using var afterUnshare = await user.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());
        await afterUnshare.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "SENDER_NOT_APPROVED");
    }
}
