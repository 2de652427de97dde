using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.FollowUp;

/// <summary><c>POST /v1/broadcasts/{id}/retry</c> (API.md): a run of kind retry to what failed for a reason another attempt can fix.</summary>
[Collection(ApiCollection.Name)]
public sealed class RetryApiTests(ApiFixture api)
{
    const decimal Opening = 10m;

    // +…0001 always fails at the simulator, +…0002 is refused at submit (permanent), "oops" is no number.
    static readonly string[] Failing = ["+12125550001", "+14155550001", "+16465550001"];

    [Fact]
    public async Task A_retry_sends_only_the_failed_recipients_again_and_the_money_adds_up()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        using var admin = api.Operator();
        var price = (await admin.GetJsonAsync("/v1/admin/prices")).Dec("defaultPerSegment");
        var delivered = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 20));
        var created = await tenant.SendAsync(CreateBodies.Body([.. delivered, .. Failing, "+12125550002", "oops"]));
        var id = created.Str("id");
        await tenant.WaitForStatusAsync(id, "completed");
        // Opted out since the send: never retried.
        using var optOut = await admin.PostJsonAsync($"/v1/admin/clients/{tenant.ClientId}/opt-outs", new { phone = Failing[2] });
        Assert.True(optOut.IsSuccessStatusCode, $"opt-out answered {optOut.StatusCode}");
        var submittedBefore = api.Carrier.Submitted;

        using var retry = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/retry");
        var answered = await retry.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("sending", answered.Str("status"));
        var done = await tenant.WaitForStatusAsync(id, "completed");

        Assert.Equal(2, api.Carrier.Submitted - submittedBefore);
        Assert.Equal(0, api.Carrier.DuplicateSubmissions);
        var runs = (await tenant.Http.GetJsonAsync($"/v1/broadcasts/{id}/runs")).Arr("items");
        Assert.Equal(["scheduled", "retry"], runs.Select(r => r!.Str("kind")));
        Assert.Equal(2, runs[1]!.Long("recipientCount"));
        Assert.Equal(2, runs[1]!["drSummary"]!["failed"]!.GetValue<long>());
        Assert.Equal(2 * price, runs[1]!.Dec("spentCredits"));

        var byNumber = (await tenant.RecipientsAsync(id)).ToDictionary(r => r.Str("to"));
        Assert.All(Failing[..2], n => Assert.Equal((2L, "failed"), (byNumber[n].Long("attempts"), byNumber[n].Str("status"))));
        Assert.Equal(1, byNumber[Failing[2]].Long("attempts"));
        Assert.All(delivered, n => Assert.Equal((1L, "delivered"), (byNumber[n].Long("attempts"), byNumber[n].Str("status"))));
        Assert.Equal((1L, "blocked"), (byNumber["+12125550002"].Long("attempts"), byNumber["+12125550002"].Str("status")));
        Assert.Equal(0, byNumber["oops"].Long("attempts"));

        // Every recipient once in drSummary; 20 delivered + 3 failed the first time, 2 again the second.
        var summary = done["drSummary"]!.AsObject();
        Assert.Equal(done.Long("recipientCount"), summary.Sum(p => p.Value!.GetValue<long>()));
        var spent = (delivered.Length + Failing.Length + 2) * price;
        Assert.Equal(spent, done.Dec("spentCredits"));
        Assert.Equal(0m, done.Dec("heldCredits"));
        var wallet = await tenant.WalletAsync();
        Assert.Equal((Opening - spent, 0m), (wallet.Dec("balance"), wallet.Dec("held")));
        await tenant.AssertLedgerAddsUpAsync();
    }

    [Fact]
    public async Task With_nobody_to_retry_it_answers_409_and_starts_no_run()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var created = await tenant.SendAsync(CreateBodies.Body([.. CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 3)), "+12125550002"]));
        var id = created.Str("id");
        await tenant.WaitForStatusAsync(id, "completed");
        var walletBefore = await tenant.WalletAsync();

        using var retry = await tenant.Http.PostJsonAsync($"/v1/broadcasts/{id}/retry", new { statuses = new[] { "failed", "expired" } });
        await retry.AssertProblemAsync(HttpStatusCode.Conflict, "NOTHING_TO_RETRY");
        using var badStatus = await tenant.Http.PostJsonAsync($"/v1/broadcasts/{id}/retry", new { statuses = new[] { "delivered" } });
        await badStatus.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        var after = await tenant.BroadcastAsync(id);
        Assert.Equal(("completed", 1L), (after.Str("status"), after.Long("runs")));
        Assert.Equal(walletBefore.ToJsonString(), (await tenant.WalletAsync()).ToJsonString());
    }

    [Fact]
    public async Task A_broadcast_that_is_not_completed_answers_409_invalid_state()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body(Failing[0]);
        body["scheduleMode"] = "draft";
        var created = await tenant.SendAsync(body);

        using var retry = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{created.Str("id")}/retry");

        await retry.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        Assert.Equal("draft", (await tenant.BroadcastAsync(created.Str("id"))).Str("status"));
    }
}
