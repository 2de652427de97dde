using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>
/// API.md's PATCH row: a change that moves the estimate above the client's approval thresholds, or any change of
/// <c>body</c>/<c>from</c> after an approval, makes the broadcast <c>pending_approval</c> again with <c>approvedAt</c>
/// null; a change of its name keeps the approval.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PatchApprovalApiTests(ApiFixture api)
{
    /// <summary>Five GSM-7 parts: more than 4 × 153 characters.</summary>
    static readonly string FivePartBody = "Long news " + new string('a', 700);

    static Task<HttpResponseMessage> PatchAsync(Tenant tenant, string id, object patch) =>
        tenant.Http.SendJsonAsync(HttpMethod.Patch, $"/v1/broadcasts/{id}", patch);

    [Fact]
    public async Task A_draft_patched_to_a_five_part_body_above_the_credit_threshold_waits_for_approval_and_send_now_is_refused_until_then()
    {
        var price = await api.DefaultPriceAsync();
        using var client = await ApprovalTenant.CreateAsync(api, 10m, creditLimit: 3 * price);
        var draft = await client.Member.SendAsync(LifecycleBodies.Body(2, "draft"));
        var id = draft.Str("id");
        Assert.Equal(("draft", false, 2 * price), (draft.Str("status"), draft.Bool("requiresApproval"), draft.Dec("estimatedCredits")));

        using var patch = await PatchAsync(client.Member, id, new { body = FivePartBody });

        var patched = await patch.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("pending_approval", true, 5), (patched.Str("status"), patched.Bool("requiresApproval"), (int)patched.Long("segmentsPerMessage")));
        Assert.Equal(10 * price, patched.Dec("estimatedCredits"));
        Assert.Null(patched["approvedAt"]?.GetValue<string>());
        var money = await client.Member.MoneyAsync();
        using (var sendNow = await client.Member.Http.PostEmptyAsync($"/v1/broadcasts/{id}/send-now"))
        {
            await sendNow.AssertProblemAsync(HttpStatusCode.Conflict, "NOT_SCHEDULED");
        }
        Assert.Equal(LifecycleBodies.Essentials(patched), LifecycleBodies.Essentials(await client.Member.BroadcastAsync(id)));
        Assert.Equal(money, await client.Member.MoneyAsync());

        using var approve = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");
        var approved = await approve.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("draft", approved.Str("status"));
        Assert.NotNull(approved.Time("approvedAt"));
        using var sent = await client.Member.Http.PostEmptyAsync($"/v1/broadcasts/{id}/send-now");
        Assert.Equal("sending", (await sent.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
        var done = await client.Member.WaitForStatusAsync(id, "completed");
        Assert.Equal((2L, 10 * price), (done["drSummary"]!.Long("delivered"), done.Dec("spentCredits")));
    }

    [Fact]
    public async Task An_approved_scheduled_broadcast_whose_body_changes_waits_for_a_new_approval_and_holds_no_schedule()
    {
        using var client = await ApprovalTenant.CreateAsync(api, 10m, recipients: 2);
        var id = await ApprovedScheduledAsync(client);

        using var patch = await PatchAsync(client.Member, id, new { body = "Hello again, now 20% off" });

        var patched = await patch.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("pending_approval", true, "Hello again, now 20% off"), (patched.Str("status"), patched.Bool("requiresApproval"), patched.Str("body")));
        Assert.Null(patched["approvedAt"]?.GetValue<string>());
        Assert.Equal(patched.ToJsonString(), (await client.Member.BroadcastAsync(id)).ToJsonString());
        using (var sendNow = await client.Member.Http.PostEmptyAsync($"/v1/broadcasts/{id}/send-now"))
        {
            await sendNow.AssertProblemAsync(HttpStatusCode.Conflict, "NOT_SCHEDULED");
        }

        using var approve = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");
        var approved = await approve.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("scheduled", approved.Str("status"));
        Assert.NotNull(approved.Time("approvedAt"));
        await CancelAsync(client, id);
    }

    [Fact]
    public async Task Renaming_an_approved_scheduled_broadcast_keeps_its_approval()
    {
        using var client = await ApprovalTenant.CreateAsync(api, 10m, recipients: 2);
        var id = await ApprovedScheduledAsync(client);
        var approvedAt = (await client.Member.BroadcastAsync(id)).Time("approvedAt");

        using var patch = await PatchAsync(client.Member, id, new { name = "Spring sale, final" });

        var patched = await patch.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("scheduled", "Spring sale, final"), (patched.Str("status"), patched.Str("name")));
        Assert.Equal(approvedAt, patched.Time("approvedAt"));
        Assert.NotNull(approvedAt);
        await CancelAsync(client, id);
    }

    /// <summary>Three recipients (above the threshold of 2), scheduled three hours ahead and approved.</summary>
    static async Task<string> ApprovedScheduledAsync(ApprovalTenant client)
    {
        var pending = await client.Member.SendAsync(LifecycleBodies.Body(3, "scheduled", DateTimeOffset.UtcNow.AddHours(3)));
        var id = pending.Str("id");
        Assert.Equal("pending_approval", pending.Str("status"));
        using var approve = await client.Approver.Http.PostEmptyAsync($"/v1/broadcasts/{id}/approve");
        var approved = await approve.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("scheduled", approved.Str("status"));
        Assert.NotNull(approved.Time("approvedAt"));
        return id;
    }

    static async Task CancelAsync(ApprovalTenant client, string id)
    {
        using var cancel = await client.Member.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");
        Assert.Equal("cancelled", (await cancel.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
    }
}
