using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>
/// Reading one broadcast and cancel/pause/resume on finished, unknown and foreign broadcasts. (Commands on broadcasts
/// still sending are in <see cref="SendingBroadcastCommandsTests"/>, whose silo keeps them sending.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BroadcastCommandsTests(ApiFixture api)
{
    [Fact]
    public async Task A_broadcast_reads_back_as_it_was_created()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var created = await tenant.SendAsync(CreateBodies.Body("+12125551234"));

        var read = await tenant.BroadcastAsync(created.Str("id"));

        foreach (var field in new[] { "id", "clientId", "name", "from", "body", "scheduleMode", "timezone", "createdAt", "encoding" })
        {
            Assert.Equal(created[field]!.ToJsonString(), read[field]!.ToJsonString());
        }
        Assert.Equal(created.Dec("estimatedCredits"), read.Dec("estimatedCredits"));
    }

    [Fact]
    public async Task Pausing_or_resuming_a_completed_broadcast_is_409_INVALID_STATE_and_changes_nothing()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var id = (await tenant.SendAsync(CreateBodies.Body("+12125551234"))).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed");
        var wallet = await tenant.WalletAsync();

        using var pause = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/pause");
        using var resume = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/resume");

        await pause.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        await resume.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        var after = await tenant.BroadcastAsync(id);
        Assert.Equal("completed", after.Str("status"));
        Assert.Equal(done["drSummary"]!.ToJsonString(), after["drSummary"]!.ToJsonString());
        Assert.Equal(wallet.ToJsonString(), (await tenant.WalletAsync()).ToJsonString());
    }

    [Fact]
    public async Task Cancelling_a_completed_broadcast_is_409_ALREADY_PROCESSING_and_changes_nothing()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var id = (await tenant.SendAsync(CreateBodies.Body("+12125551234", "+447400123456"))).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed");
        var ledger = await tenant.LedgerAsync();

        using var cancel = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");

        await cancel.AssertProblemAsync(HttpStatusCode.Conflict, "ALREADY_PROCESSING");
        var after = await tenant.BroadcastAsync(id);
        Assert.Equal("completed", after.Str("status"));
        Assert.Equal(2, after["drSummary"]!.Long("delivered"));
        Assert.Equal(done.Dec("spentCredits"), after.Dec("spentCredits"));
        Assert.Equal(ledger.Count, (await tenant.LedgerAsync()).Count);
    }

    public static TheoryData<string, string> ReadsAndCommands => new()
    {
        { "GET", "" },
        { "GET", "/recipients" },
        { "POST", "/cancel" },
        { "POST", "/pause" },
        { "POST", "/resume" },
    };

    [Theory]
    [MemberData(nameof(ReadsAndCommands))]
    public async Task An_unknown_broadcast_id_is_404_NOT_FOUND(string method, string suffix)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);

        foreach (var id in new[] { "bc_0000000000000000000000", "bc_", "nothing", "bc_%20" })
        {
            using var response = await tenant.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri($"/v1/broadcasts/{id}{suffix}", UriKind.Relative)));

            await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }
    }

    [Theory]
    [MemberData(nameof(ReadsAndCommands))]
    public async Task Another_clients_broadcast_is_404_NOT_FOUND_and_is_left_alone(string method, string suffix)
    {
        using var owner = await Tenant.CreateAsync(api, 10m);
        using var stranger = await Tenant.CreateAsync(api, 10m);
        var id = (await owner.SendAsync(CreateBodies.Body("+12125551234"))).Str("id");
        var done = await owner.WaitForStatusAsync(id, "completed");
        var ownerWallet = await owner.WalletAsync();

        using var response = await stranger.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri($"/v1/broadcasts/{id}{suffix}", UriKind.Relative)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.DoesNotContain(owner.ClientId, problem.ToJsonString(), StringComparison.Ordinal);
        var after = await owner.BroadcastAsync(id);
        Assert.Equal("completed", after.Str("status"));
        Assert.Equal(done.ToJsonString(), after.ToJsonString());
        Assert.Equal(ownerWallet.ToJsonString(), (await owner.WalletAsync()).ToJsonString());
        await stranger.AssertNothingHappenedAsync(10m);
    }
}
