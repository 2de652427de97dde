using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>
/// API.md "Carrier callbacks" for a shared sender: many clients send from the name, none holds it, so an inbound
/// message belongs only to the clients that sent to that number from it in the last 7 days, never to all its users.
/// </summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class SharedSenderInboundTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task A_reply_to_a_shared_sender_goes_only_to_the_client_that_sent_to_that_number()
    {
        using var first = await Clients.CreateAsync(api, [], credits: 10);
        using var second = await Clients.CreateAsync(api, [], credits: 10);
        using var bystander = await Clients.CreateAsync(api, [], credits: 10);
        using var admin = api.Operator();
        var name = "Si" + Guid.NewGuid().ToString("N")[..8];
        using (var shared = await admin.PostJsonAsync("/v1/admin/shared-senders",
            new { name, clientIds = new[] { first.ClientId, second.ClientId, bystander.ClientId } }))
        {
            await shared.ReadJsonAsync(HttpStatusCode.Created);
        }
        try
        {
            var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(13125590000, 3));
            var firstRun = await SendAsync(first, name, numbers[0], numbers[1]);
            var secondRun = await SendAsync(second, name, numbers[2]);

            var stop = await CarrierInbound.PostAsync(api, numbers[0], name.ToLowerInvariant(), "STOP");
            var reply = await CarrierInbound.PostAsync(api, numbers[2], name, "Is it on Sunday too?");
            var stranger = await CarrierInbound.PostAsync(api, CreateBodies.E164(CreateBodies.ValidNumbers(13125599000, 1))[0], name, "STOP");

            Assert.Equal(("opt_out", 1), (stop.Str("kind"), (int)stop.Long("clients")));
            Assert.Equal([numbers[0]], await OptOutsAsync(first));
            Assert.Equal((1, 1), ((int)reply.Long("clients"), (int)reply.Long("countedReplies")));
            await Eventually.ReadAsync(() => second.BroadcastAsync(secondRun), b => b.Long("replyCount") == 1, "the reply counted on the second client's run");
            Assert.Equal(0, (await first.BroadcastAsync(firstRun)).Long("replyCount"));
            // Nobody sent to the stranger, and a shared name has no holder: it reaches nobody.
            Assert.Equal(0, (int)stranger.Long("clients"));
            Assert.Empty(await OptOutsAsync(second));
            Assert.Empty(await OptOutsAsync(bystander));
        }
        finally
        {
            using var deleted = await admin.DeleteAsync($"/v1/admin/shared-senders/{name}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    static async Task<string> SendAsync(Tenant client, string from, params string[] numbers)
    {
        var body = CreateBodies.Body(numbers);
        body["from"] = from;
        var id = (await client.SendAsync(body)).Str("id");
        await client.WaitForStatusAsync(id, "completed");
        return id;
    }

    static async Task<List<string>> OptOutsAsync(Tenant tenant) =>
        (await tenant.Http.GetJsonAsync("/v1/opt-outs")).Arr("items").Select(i => i!.Str("phone")).ToList();
}
