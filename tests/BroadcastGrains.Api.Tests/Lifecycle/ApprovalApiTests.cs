using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>
/// Approval (API.md): strictly above either of the client's thresholds a broadcast is created <c>pending_approval</c>,
/// holding nothing; only an approver key moves it on to its schedule, holding credits then.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApprovalApiTests(ApiFixture api)
{
    [Fact]
    public async Task Above_the_recipient_threshold_a_broadcast_waits_holding_nothing_until_an_approver_key_approves_it_then_sends()
    {
        using var client = await ApprovalTenant.CreateAsync(api, 10m, recipients: 2);
        var atThreshold = await client.Member.SendAsync(LifecycleBodies.Body(2));
        Assert.Equal(("sending", false), (atThreshold.Str("status"), atThreshold.Bool("requiresApproval")));
        await client.Member.WaitForStatusAsync(atThreshold.Str("id"), "completed");
        var money = await client.Member.MoneyAsync();

        var pending = await client.Member.SendAsync(LifecycleBodies.Body(3));

        var id = pending.Str("id");
        Assert.Equal(("pending_approval", true, 0m), (pending.Str("status"), pending.Bool("requiresApproval"), pending.Dec("heldCredits")));
        Assert.Null(pending["approvedAt"]?.GetValue<string>());
        Assert.Equal(money, await client.Member.MoneyAsync());

        using var byMember = await client.Member.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");
        await byMember.AssertProblemAsync(HttpStatusCode.Forbidden, "NOT_APPROVER");
        Assert.Equal(LifecycleBodies.Essentials(pending), LifecycleBodies.Essentials(await client.Member.BroadcastAsync(id)));
        Assert.Equal(money, await client.Member.MoneyAsync());

        using var byApprover = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");
        var approved = await byApprover.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("sending", approved.Str("status"));
        Assert.NotNull(approved.Time("approvedAt"));
        Assert.Equal(pending.Dec("estimatedCredits"), approved.Dec("heldCredits") + approved.Dec("spentCredits"));
        var done = await client.Member.WaitForStatusAsync(id, "completed");
        Assert.Equal((3L, pending.Dec("estimatedCredits")), (done["drSummary"]!.Long("delivered"), done.Dec("spentCredits")));
        Assert.Equal(approved.Time("approvedAt"), done.Time("approvedAt"));
        await client.Member.AssertLedgerAddsUpAsync();
    }

    [Fact]
    public async Task Above_the_credit_threshold_a_scheduled_broadcast_waits_for_approval_then_goes_back_on_its_schedule_holding_nothing_yet()
    {
        var price = await api.DefaultPriceAsync();
        using var client = await ApprovalTenant.CreateAsync(api, 10m, creditLimit: 2.5m * price);
        var at = DateTimeOffset.UtcNow.AddHours(3);
        var underLimit = await client.Member.SendAsync(LifecycleBodies.Body(2, "scheduled", at));
        Assert.Equal(("scheduled", false), (underLimit.Str("status"), underLimit.Bool("requiresApproval")));

        var pending = await client.Member.SendAsync(LifecycleBodies.Body(3, "scheduled", at));

        var id = pending.Str("id");
        Assert.Equal(("pending_approval", true), (pending.Str("status"), pending.Bool("requiresApproval")));
        using var approve = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");
        var approved = await approve.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("scheduled", 0m), (approved.Str("status"), approved.Dec("heldCredits")));
        Assert.Equal(at.ToUnixTimeMilliseconds(), approved.Time("nextRunAt")?.ToUnixTimeMilliseconds());
        Assert.Equal(at.ToUnixTimeMilliseconds(), Assert.Single(approved.Arr("upcomingRuns"))!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        Assert.Equal(0m, (await client.Member.WalletAsync()).Dec("held"));

        foreach (var open in new[] { id, underLimit.Str("id") })
        {
            using var cancel = await client.Member.Http.PostEmptyAsync($"/v1/broadcasts/{open}/cancel");
            Assert.Equal("cancelled", (await cancel.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        }
    }

    [Fact]
    public async Task Approving_a_broadcast_that_is_not_pending_approval_is_409_INVALID_STATE_and_changes_nothing()
    {
        using var client = await ApprovalTenant.CreateAsync(api, 10m, recipients: 100);
        var id = (await client.Member.SendAsync(LifecycleBodies.Body(2))).Str("id");
        var done = await client.Member.WaitForStatusAsync(id, "completed");
        var draft = await client.Member.SendAsync(LifecycleBodies.Body(2, "draft"));
        var money = await client.Member.MoneyAsync();

        foreach (var (broadcast, before) in new[] { (id, done), (draft.Str("id"), draft) })
        {
            using var approve = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{broadcast}/approve");
            await approve.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
            Assert.Equal(LifecycleBodies.Essentials(before), LifecycleBodies.Essentials(await client.Member.BroadcastAsync(broadcast)));
        }
        Assert.Equal(money, await client.Member.MoneyAsync());
    }

    [Fact]
    public async Task Approving_without_enough_credits_is_402_and_the_broadcast_stays_pending_holding_nothing_until_it_can_be_paid()
    {
        var price = await api.DefaultPriceAsync();
        using var client = await ApprovalTenant.CreateAsync(api, price, recipients: 2);
        var pending = await client.Member.SendAsync(LifecycleBodies.Body(3));
        var id = pending.Str("id");
        var money = await client.Member.MoneyAsync();

        using var refused = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");

        await refused.AssertProblemAsync(HttpStatusCode.PaymentRequired, "INSUFFICIENT_CREDITS");
        var after = await client.Member.BroadcastAsync(id);
        Assert.Equal(LifecycleBodies.Essentials(pending), LifecycleBodies.Essentials(after));
        Assert.Null(after["approvedAt"]?.GetValue<string>());
        Assert.Equal(money, await client.Member.MoneyAsync());
        Assert.DoesNotContain(await client.Member.LedgerAsync(), e => e.Str("kind") == "hold");

        await Tenant.TopUpAsync(api, client.Member.ClientId, 2 * price, "the-rest");
        using var approved = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");
        Assert.Equal("sending", (await approved.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        var done = await client.Member.WaitForStatusAsync(id, "completed");
        Assert.Equal(3 * price, done.Dec("spentCredits"));
        Assert.Equal((0m, 0m), ((await client.Member.WalletAsync()).Dec("balance"), (await client.Member.WalletAsync()).Dec("held")));
    }
}
