using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>The lifecycle over HTTP: draft, PATCH, send-now, cancel, and the status and code of every refusal.</summary>
[Collection(ApiCollection.Name)]
public sealed class BroadcastLifecycleApiTests(ApiFixture api)
{
    static Task<HttpResponseMessage> PatchAsync(Tenant tenant, string id, object patch) =>
        tenant.Http.SendJsonAsync(HttpMethod.Patch, $"/v1/broadcasts/{id}", patch);

    [Fact]
    public async Task A_draft_is_patched_and_sent_now_then_refuses_every_change_with_its_code()
    {
        var price = await api.DefaultPriceAsync();
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var draft = await tenant.SendAsync(LifecycleBodies.Body(4, "draft"));
        var id = draft.Str("id");
        Assert.Equal(("draft", 0m, 4 * price), (draft.Str("status"), draft.Dec("heldCredits"), draft.Dec("estimatedCredits")));

        using (var missing = await PatchAsync(tenant, id, new { body = "Hi {{first_name}}" }))
        {
            await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "MISSING_VARIABLE");
        }
        Assert.Equal(LifecycleBodies.Essentials(draft), LifecycleBodies.Essentials(await tenant.BroadcastAsync(id)));

        using var patch = await PatchAsync(tenant, id, new { name = "Polish sale", body = "Wyprzedaż! " + new string('a', 70) });
        var patched = await patch.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("draft", "Polish sale", "UCS2", 2), (patched.Str("status"), patched.Str("name"), patched.Str("encoding"), (int)patched.Long("segmentsPerMessage")));
        Assert.Equal((8 * price, 0m), (patched.Dec("estimatedCredits"), patched.Dec("heldCredits")));
        Assert.Equal(0m, (await tenant.WalletAsync()).Dec("held"));

        using var sendNow = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/send-now");
        Assert.Equal("sending", (await sendNow.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        var done = await tenant.WaitForStatusAsync(id, "completed");
        Assert.Equal((4L, 8 * price), (done["drSummary"]!.Long("delivered"), done.Dec("spentCredits")));
        var run = Assert.Single((await tenant.Http.GetJsonAsync($"/v1/broadcasts/{id}/runs")).Arr("items"))!;
        Assert.Equal((1L, "completed", 8 * price), (run.Long("run"), run.Str("status"), run.Dec("spentCredits")));

        var money = await tenant.MoneyAsync();
        using (var again = await PatchAsync(tenant, id, new { name = "Too late" }))
        {
            await again.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        }
        await AssertRefusedAsync(tenant, id, "send-now", HttpStatusCode.Conflict, "NOT_SCHEDULED");
        await AssertRefusedAsync(tenant, id, "cancel", HttpStatusCode.Conflict, "ALREADY_PROCESSING");
        await AssertRefusedAsync(tenant, id, "pause", HttpStatusCode.Conflict, "INVALID_STATE");
        await AssertRefusedAsync(tenant, id, "resume", HttpStatusCode.Conflict, "INVALID_STATE");
        await AssertRefusedAsync(tenant, id, "approve", HttpStatusCode.Forbidden, "NOT_APPROVER");
        Assert.Equal(LifecycleBodies.Essentials(done), LifecycleBodies.Essentials(await tenant.BroadcastAsync(id)));
        Assert.Equal(money, await tenant.MoneyAsync());
    }

    [Fact]
    public async Task A_cancelled_scheduled_broadcast_has_no_schedule_and_refuses_a_second_cancel_as_ALREADY_CANCELLED()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var at = DateTimeOffset.UtcNow.AddHours(5);
        var scheduled = await tenant.SendAsync(LifecycleBodies.Body(3, "scheduled", at));
        var id = scheduled.Str("id");
        Assert.Equal(("scheduled", 0m), (scheduled.Str("status"), scheduled.Dec("heldCredits")));
        Assert.Equal(at.ToUnixTimeMilliseconds(), scheduled.Time("nextRunAt")?.ToUnixTimeMilliseconds());
        Assert.Single(scheduled.Arr("upcomingRuns"));

        using var cancel = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");

        var cancelled = await cancel.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("cancelled", 3L), (cancelled.Str("status"), cancelled["drSummary"]!.Long("cancelled")));
        Assert.Null(cancelled["nextRunAt"]?.GetValue<string>());
        Assert.Empty(cancelled.Arr("upcomingRuns"));
        await AssertRefusedAsync(tenant, id, "cancel", HttpStatusCode.Conflict, "ALREADY_CANCELLED");
        await AssertRefusedAsync(tenant, id, "send-now", HttpStatusCode.Conflict, "NOT_SCHEDULED");
        using (var patch = await PatchAsync(tenant, id, new { name = "Revived" }))
        {
            await patch.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        }
        Assert.Equal(LifecycleBodies.Essentials(cancelled), LifecycleBodies.Essentials(await tenant.BroadcastAsync(id)));
        var wallet = await tenant.WalletAsync();
        Assert.Equal((10m, 0m), (wallet.Dec("balance"), wallet.Dec("held")));
        Assert.All(await tenant.LedgerAsync(), e => Assert.Equal("topup", e.Str("kind")));
    }

    [Fact]
    public async Task Patching_a_scheduled_broadcast_moves_its_schedule()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var scheduled = await tenant.SendAsync(LifecycleBodies.Body(1, "scheduled", DateTimeOffset.UtcNow.AddHours(5)));
        var id = scheduled.Str("id");
        var later = DateTimeOffset.UtcNow.AddDays(3);

        using var patch = await PatchAsync(tenant, id, new JsonObject { ["scheduledAt"] = LifecycleBodies.Instant(later) }.ToJsonString());

        var moved = await patch.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("scheduled", moved.Str("status"));
        Assert.Equal(later.ToUnixTimeMilliseconds(), moved.Time("nextRunAt")?.ToUnixTimeMilliseconds());
        Assert.Equal(later.ToUnixTimeMilliseconds(), moved.Time("scheduledAt")?.ToUnixTimeMilliseconds());
        using (var past = await PatchAsync(tenant, id, new JsonObject { ["scheduledAt"] = LifecycleBodies.Instant(DateTimeOffset.UtcNow.AddDays(-1)) }.ToJsonString()))
        {
            await past.AssertProblemAsync(HttpStatusCode.BadRequest, "SCHEDULE_OUT_OF_RANGE");
        }
        Assert.Equal(LifecycleBodies.Essentials(moved), LifecycleBodies.Essentials(await tenant.BroadcastAsync(id)));
        using var cancel = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");
        Assert.Equal("cancelled", (await cancel.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
    }

    static async Task AssertRefusedAsync(Tenant tenant, string id, string command, HttpStatusCode status, string code)
    {
        using var response = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/{command}");
        await response.AssertProblemAsync(status, code);
    }
}
