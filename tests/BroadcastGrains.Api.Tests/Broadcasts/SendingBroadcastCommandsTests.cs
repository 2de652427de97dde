using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>
/// Cancel, pause and resume of broadcasts that are still sending. The silo here sends slowly and never receipts
/// (<see cref="ThrottledApiFixture"/>), so "still sending" holds for as long as a test needs it.
/// </summary>
[Collection(ThrottledApiCollection.Name)]
public sealed class SendingBroadcastCommandsTests(ThrottledApiFixture api)
{
    const decimal Opening = 100m;
    const decimal PerSegment = 0.01m; // this silo's price table is never changed

    [Fact]
    public async Task Cancelling_mid_send_cancels_the_unsent_recipients_and_releases_their_credits()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var id = await StartSendingAsync(tenant, 2000);

        using var cancel = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");

        var cancelled = await cancel.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        var summary = cancelled["drSummary"]!;
        var sent = summary.Long("sent");
        Assert.True(sent > 0, "some were sent before the cancel");
        Assert.True(summary.Long("cancelled") > 0, "some were still unsent at the cancel");
        Assert.Equal(2000, sent + summary.Long("cancelled"));
        Assert.Equal(sent * PerSegment, cancelled.Dec("spentCredits"));
        Assert.Equal(0m, cancelled.Dec("heldCredits"));
        Assert.NotNull(cancelled["completedAt"]);

        var wallet = await tenant.WalletAsync();
        Assert.Equal(Opening - (sent * PerSegment), wallet.Dec("balance"));
        Assert.Equal(0m, wallet.Dec("held"));
        await tenant.AssertLedgerAddsUpAsync();
        var ledger = await tenant.LedgerAsync();
        var release = Assert.Single(ledger, e => e.Str("kind") == "release");
        Assert.Equal(-(summary.Long("cancelled") * PerSegment), release.Dec("heldDelta"));

        var unsent = await tenant.RecipientsAsync(id, status: "cancelled");
        Assert.Equal(summary.Long("cancelled"), unsent.Count);
        Assert.All(unsent, r => Assert.Equal(0m, r.Dec("credits")));
        Assert.Equal("cancelled", (await tenant.BroadcastAsync(id)).Str("status"));
    }

    [Fact]
    public async Task Cancelling_twice_is_409_ALREADY_CANCELLED_and_changes_nothing()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var id = await StartSendingAsync(tenant, 500);
        using var first = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");
        var cancelled = await first.ReadJsonAsync(HttpStatusCode.OK);
        var wallet = await tenant.WalletAsync();

        using var again = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");
        using var pause = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/pause");
        using var resume = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/resume");

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "ALREADY_CANCELLED");
        await pause.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        await resume.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");
        var after = await tenant.BroadcastAsync(id);
        Assert.Equal("cancelled", after.Str("status"));
        Assert.Equal(cancelled["drSummary"]!.ToJsonString(), after["drSummary"]!.ToJsonString());
        Assert.Equal(wallet.ToJsonString(), (await tenant.WalletAsync()).ToJsonString());
    }

    [Fact]
    public async Task Pause_and_resume_move_a_sending_broadcast_between_paused_and_sending()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var id = await StartSendingAsync(tenant, 2000);
        try
        {
            using var pause = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/pause");
            Assert.Equal("paused", (await pause.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));
            Assert.Equal("paused", (await tenant.BroadcastAsync(id)).Str("status"));

            using var pauseAgain = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/pause");
            await pauseAgain.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");

            var paused = await tenant.Http.GetJsonAsync("/v1/broadcasts?status=paused");
            Assert.Equal([id], paused.Arr("items").Select(b => b!.Str("id")));

            using var resume = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/resume");
            Assert.Equal("sending", (await resume.ReadJsonAsync(HttpStatusCode.OK)).Str("status"));

            using var resumeAgain = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/resume");
            await resumeAgain.AssertProblemAsync(HttpStatusCode.Conflict, "INVALID_STATE");

            // Sending goes on after the resume.
            var before = (await tenant.BroadcastAsync(id))["drSummary"]!.Long("sent");
            await Eventually.ReadAsync(() => tenant.BroadcastAsync(id), b => b["drSummary"]!.Long("sent") > before,
                "more recipients to be sent after the resume");
        }
        finally
        {
            await CancelAsync(tenant, id);
        }
    }

    [Fact]
    public async Task A_paused_broadcast_can_be_cancelled_and_gives_back_what_it_did_not_send()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var id = await StartSendingAsync(tenant, 1000);
        using var pause = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/pause");
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);

        using var cancel = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");

        var cancelled = await cancel.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        var summary = cancelled["drSummary"]!;
        Assert.Equal(1000, summary.Long("sent") + summary.Long("cancelled"));
        var wallet = await tenant.WalletAsync();
        Assert.Equal(0m, wallet.Dec("held"));
        Assert.Equal(Opening - (summary.Long("sent") * PerSegment), wallet.Dec("balance"));
        await tenant.AssertLedgerAddsUpAsync();
    }

    [Fact]
    public async Task Another_client_cannot_pause_resume_or_cancel_a_sending_broadcast()
    {
        using var owner = await Tenant.CreateAsync(api, Opening);
        using var stranger = await Tenant.CreateAsync(api, Opening);
        var id = await StartSendingAsync(owner, 2000);
        try
        {
            foreach (var command in new[] { "pause", "resume", "cancel" })
            {
                using var response = await stranger.Http.PostEmptyAsync($"/v1/broadcasts/{id}/{command}");
                await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
            }

            Assert.Equal("sending", (await owner.BroadcastAsync(id)).Str("status"));
            Assert.True((await owner.WalletAsync()).Dec("held") > 0);
            await stranger.AssertNothingHappenedAsync(Opening);
        }
        finally
        {
            await CancelAsync(owner, id);
        }
    }

    [Fact]
    public async Task While_credits_are_held_precheck_counts_the_balance_after_from_what_is_available()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var id = await StartSendingAsync(tenant, 2000);
        try
        {
            using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", CreateBodies.Body("+447400123456").ToJsonString());

            var precheck = await response.ReadJsonAsync(HttpStatusCode.OK);
            Assert.True(precheck.Dec("walletBalance") > precheck.Dec("balanceAfter") + precheck.Dec("totalCredits"),
                "balanceAfter starts from available, which is less than the balance while credits are held");
        }
        finally
        {
            await CancelAsync(tenant, id);
        }
    }

    [Fact]
    public async Task A_second_broadcast_cannot_use_credits_the_first_one_holds()
    {
        // 300 recipients hold 3.00 of 3.50; a second of 60 needs 0.60 of the 0.50 left available.
        using var tenant = await Tenant.CreateAsync(api, 3.5m);
        var id = await StartSendingAsync(tenant, 300);
        try
        {
            var ledgerBefore = await tenant.LedgerAsync();
            var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(447400100000, 60)));

            using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

            await response.AssertProblemAsync(HttpStatusCode.PaymentRequired, "INSUFFICIENT_CREDITS");
            var list = await tenant.Http.GetJsonAsync("/v1/broadcasts");
            Assert.Equal([id], list.Arr("items").Select(b => b!.Str("id")));
            Assert.DoesNotContain(await tenant.LedgerAsync(), e => e.Str("kind") == "hold" && e.Str("broadcastId") != id);
            Assert.Single(ledgerBefore, e => e.Str("kind") == "hold");
        }
        finally
        {
            await CancelAsync(tenant, id);
        }
    }

    [Fact]
    public async Task The_list_filters_sending_cancelled_and_completed_broadcasts_apart()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        // Only invalid numbers: nothing to send, so it completes without the carrier.
        var completed = (await tenant.SendAsync(CreateBodies.Body("nobody", "no one"))).Str("id");
        await tenant.WaitForStatusAsync(completed, "completed");
        var cancelled = await StartSendingAsync(tenant, 100);
        await CancelAsync(tenant, cancelled);
        var sending = await StartSendingAsync(tenant, 500);
        try
        {
            var all = await tenant.Http.GetJsonAsync("/v1/broadcasts");
            Assert.Equal([sending, cancelled, completed], all.Arr("items").Select(b => b!.Str("id")));
            foreach (var (status, id) in new[] { ("sending", sending), ("cancelled", cancelled), ("completed", completed) })
            {
                var page = await tenant.Http.GetJsonAsync($"/v1/broadcasts?status={status}");
                Assert.Equal([id], page.Arr("items").Select(b => b!.Str("id")));
            }
        }
        finally
        {
            await CancelAsync(tenant, sending);
        }
    }

    /// <summary>
    /// Creates a broadcast to <paramref name="count"/> US numbers and waits until the carrier took some. At this
    /// silo's rate 2,000 recipients take 40 s to go out: tests that need unsent recipients use that many.
    /// </summary>
    static async Task<string> StartSendingAsync(Tenant tenant, int count)
    {
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, count)));
        var created = await tenant.SendAsync(body);
        var id = created.Str("id");
        await Eventually.ReadAsync(() => tenant.BroadcastAsync(id), b => b["drSummary"]!.Long("sent") > 0,
            $"broadcast {id} to start sending");
        return id;
    }

    /// <summary>Stops a broadcast so it does not use this silo's carrier capacity after its test.</summary>
    static async Task CancelAsync(Tenant tenant, string id)
    {
        using var response = await tenant.Http.PostEmptyAsync($"/v1/broadcasts/{id}/cancel");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"cancel answered {(int)response.StatusCode}");
    }
}
