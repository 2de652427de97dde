using System.Net;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>Issue 13 item 2, through the API: a create that fails after its hold answers 500 and leaves nothing behind.</summary>
[Collection(ApiCollection.Name)]
public sealed class FailedCreateTests(ApiFixture api)
{
    const decimal Opening = 10m;

    [Fact]
    public async Task A_create_failing_after_its_hold_answers_500_leaves_no_broadcast_hold_or_row_and_a_retry_succeeds_once()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body("+12125551234", "+447400123456");

        using (GrainCallFaults.Begin<IClientBroadcastsGrain>(nameof(IClientBroadcastsGrain.UpsertAsync), tenant.ClientId))
        {
            using var failed = await tenant.Http.PostJsonAsync("/v1/broadcasts", body);
            await failed.AssertProblemAsync(HttpStatusCode.InternalServerError, "INTERNAL");
        }

        var wallet = await tenant.WalletAsync();
        Assert.Equal((Opening, 0m), (wallet["balance"]!.GetValue<decimal>(), wallet["held"]!.GetValue<decimal>()));
        Assert.Empty((await tenant.Http.GetJsonAsync("/v1/broadcasts")).Arr("items"));
        // The ledger names the broadcast the failed attempt held for: it does not exist.
        var undone = (await tenant.LedgerAsync()).First(e => e.Str("kind") == "hold").Str("broadcastId");
        using var gone = await tenant.Http.GetAsync($"/v1/broadcasts/{undone}");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        using var retry = await tenant.Http.PostJsonAsync("/v1/broadcasts", body);
        var created = await retry.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal([created.Str("id")], (await tenant.Http.GetJsonAsync("/v1/broadcasts")).Arr("items").Select(b => b!.Str("id")));
        // Paid for by a hold of its own (the undone one's operation id is never reused), so it is charged exactly once.
        var done = await tenant.WaitForStatusAsync(created.Str("id"), "completed");
        var after = await tenant.WalletAsync();
        Assert.Equal(Opening - done["spentCredits"]!.GetValue<decimal>() + done["refundedCredits"]!.GetValue<decimal>(),
            after["balance"]!.GetValue<decimal>());
        Assert.True(done["spentCredits"]!.GetValue<decimal>() > 0);
        await tenant.AssertLedgerAddsUpAsync();
    }
}
