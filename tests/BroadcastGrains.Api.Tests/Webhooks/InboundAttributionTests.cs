using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>
/// Whose an inbound message is: a client that registers another client's sender name, still pending, must not receive
/// that client's replies or STOPs (its opt-out list would show them).
/// </summary>
[Collection(CatalogueApiCollection.Name)]
public sealed class InboundAttributionTests(CatalogueApiFixture api)
{
    [Fact]
    public async Task A_STOP_goes_to_the_client_that_sent_to_the_number_not_to_a_pending_registrant_of_the_name()
    {
        var (sender, owner, squatter) = await OwnerAndSquatterAsync();
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(13125560000, 2));
        var body = CreateBodies.Body(numbers);
        body["from"] = sender;
        var id = (await owner.SendAsync(body)).Str("id");
        await owner.WaitForStatusAsync(id, "completed");

        var outcome = await InboundAsync(numbers[0], sender, "STOP");

        Assert.Equal(("opt_out", 1), (outcome.Str("kind"), (int)outcome.Long("clients")));
        Assert.Equal([numbers[0]], await OptOutsAsync(owner));
        Assert.Empty(await OptOutsAsync(squatter));
    }

    [Fact]
    public async Task A_message_from_a_number_nobody_sent_to_goes_to_the_approved_holder_only()
    {
        var (sender, owner, squatter) = await OwnerAndSquatterAsync();
        var stranger = CreateBodies.E164(CreateBodies.ValidNumbers(13125570000, 1))[0];

        var outcome = await InboundAsync(stranger, sender, "stop");

        Assert.Equal(1, (int)outcome.Long("clients"));
        Assert.Equal([stranger], await OptOutsAsync(owner));
        Assert.Empty(await OptOutsAsync(squatter));
    }

    [Fact]
    public async Task A_message_to_a_name_only_pending_registrants_hold_reaches_nobody()
    {
        using var squatter = await Clients.CreateAsync(api, new JsonObject(), credits: 1);
        var sender = "Pn" + Guid.NewGuid().ToString("N")[..8];
        using (var registered = await squatter.Http.PostJsonAsync("/v1/senders", new JsonObject { ["name"] = sender }.ToJsonString()))
        {
            Assert.Equal("pending", (await registered.ReadJsonAsync(HttpStatusCode.Created)).Str("status"));
        }

        var outcome = await InboundAsync(CreateBodies.E164(CreateBodies.ValidNumbers(13125580000, 1))[0], sender, "STOP");

        Assert.Equal(0, (int)outcome.Long("clients"));
        Assert.Empty(await OptOutsAsync(squatter));
    }

    /// <summary>A fresh sender name approved for one client, and a second client that registered it too (pending).</summary>
    async Task<(string Sender, Tenant Owner, Tenant Squatter)> OwnerAndSquatterAsync()
    {
        var owner = await Clients.CreateAsync(api, new JsonObject(), credits: 10);
        var squatter = await Clients.CreateAsync(api, new JsonObject(), credits: 1);
        var sender = "At" + Guid.NewGuid().ToString("N")[..8];
        await Clients.ApproveSenderAsync(api, owner.ClientId, sender);
        using var registered = await squatter.Http.PostJsonAsync("/v1/senders", new JsonObject { ["name"] = sender }.ToJsonString());
        Assert.Equal("pending", (await registered.ReadJsonAsync(HttpStatusCode.Created)).Str("status"));
        return (sender, owner, squatter);
    }

    static async Task<List<string>> OptOutsAsync(Tenant tenant) =>
        (await tenant.Http.GetJsonAsync("/v1/opt-outs")).Arr("items").Select(i => i!.Str("phone")).ToList();

    Task<JsonNode> InboundAsync(string from, string to, string text) => CarrierInbound.PostAsync(api, from, to, text);
}
