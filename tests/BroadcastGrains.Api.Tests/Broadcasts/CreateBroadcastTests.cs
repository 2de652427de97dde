using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary><c>POST /v1/broadcasts</c> that succeed: the broadcast object, pricing, holds and <c>dryRun</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreateBroadcastTests(ApiFixture api)
{
    static readonly string[] DrSummaryKeys =
        ["pending", "queued", "sent", "delivered", "failed", "expired", "timeout", "invalid", "blocked", "optedOut", "cancelled"];

    [Fact]
    public async Task A_now_broadcast_answers_201_sending_with_the_documented_object_and_holds_its_estimate()
    {
        const decimal opening = 10m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var perSegment = await api.DefaultPriceAsync();
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 3));

        var created = await tenant.SendAsync(CreateBodies.Body([.. numbers, "not a number"]));

        Assert.StartsWith("bc_", created.Str("id"), StringComparison.Ordinal);
        Assert.Equal(tenant.ClientId, created.Str("clientId"));
        Assert.Equal("Spring sale", created.Str("name"));
        Assert.Equal("sending", created.Str("status"));
        Assert.Equal("now", created.Str("scheduleMode"));
        Assert.Null(created["scheduledAt"]);
        Assert.Null(created["nextRunAt"]);
        Assert.Null(created["recurrenceRule"]);
        Assert.Equal("UTC", created.Str("timezone"));
        Assert.Equal("MyShop", created.Str("from"));
        Assert.Equal("Hello from the shop", created.Str("body"));
        Assert.Equal("GSM7", created.Str("encoding"));
        Assert.Equal(1, created.Long("segmentsPerMessage"));
        Assert.Equal(4, created.Long("recipientCount"));
        Assert.Equal(1, created.Long("invalidCount"));
        Assert.Equal(0, created.Long("duplicateCount"));
        Assert.Equal(3 * perSegment, created.Dec("estimatedCredits"));
        // Partitions may already have captured some of the hold by the time the answer is written.
        Assert.Equal(3 * perSegment, created.Dec("heldCredits") + created.Dec("spentCredits"));
        Assert.Equal(0m, created.Dec("refundedCredits"));
        Assert.False(created.Bool("requiresApproval"));
        Assert.Null(created["approvedAt"]);
        Assert.EndsWith("Z", created.Str("createdAt"), StringComparison.Ordinal);
        Assert.EndsWith("Z", created.Str("startedAt"), StringComparison.Ordinal);
        Assert.Equal(1, created.Long("runs"));
        Assert.Empty(created.Arr("upcomingRuns"));
        Assert.Equal(0, created.Long("replyCount"));
        var summary = created["drSummary"]!.AsObject();
        Assert.Equal(DrSummaryKeys.Order(), summary.Select(p => p.Key).Order());
        Assert.Equal(4, summary.Sum(p => p.Value!.GetValue<long>()));
        var country = Assert.Single(created.Arr("breakdown"))!;
        Assert.Equal("US", country.Str("countryCode"));
        Assert.Equal(3, country.Long("recipients"));
        Assert.Equal(3, country.Long("segments"));
        Assert.Equal(3 * perSegment, country.Dec("credits"));
        Assert.Equal(perSegment, country.Dec("pricePerSegment"));

        // The hold is in the ledger at once; the balance only moves as messages are accepted.
        var ledger = await tenant.LedgerAsync();
        var hold = Assert.Single(ledger, e => e.Str("kind") == "hold");
        Assert.Equal(0m, hold.Dec("amount"));
        Assert.Equal(3 * perSegment, hold.Dec("heldDelta"));
        Assert.Equal(created.Str("id"), hold.Str("broadcastId"));
        await tenant.AssertLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_completed_broadcast_has_spent_what_was_accepted_and_holds_nothing()
    {
        const decimal opening = 10m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var perSegment = await api.DefaultPriceAsync();
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(447400100000, 4));

        var created = await tenant.SendAsync(CreateBodies.Body([.. numbers, "nope"]));
        var done = await tenant.WaitForStatusAsync(created.Str("id"), "completed");

        Assert.Equal(4, done["drSummary"]!.Long("delivered"));
        Assert.Equal(1, done["drSummary"]!.Long("invalid"));
        Assert.Equal(4 * perSegment, done.Dec("spentCredits"));
        Assert.Equal(0m, done.Dec("heldCredits"));
        Assert.NotNull(done["completedAt"]);
        Assert.Null(done["nextRunAt"]);
        Assert.Empty(done.Arr("upcomingRuns"));
        var wallet = await tenant.WalletAsync();
        Assert.Equal(opening - (4 * perSegment), wallet.Dec("balance"));
        Assert.Equal(0m, wallet.Dec("held"));
        await tenant.AssertLedgerAddsUpAsync();
    }

    [Fact]
    public async Task With_onDuplicate_skip_duplicates_are_dropped_and_counted()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var perSegment = await api.DefaultPriceAsync();
        var body = CreateBodies.Body("+447400123456", "+44 7400 123456", "+12125551234", "+12125551234", "+12125551234");
        body["onDuplicate"] = "skip";

        var created = await tenant.SendAsync(body);

        Assert.Equal(2, created.Long("recipientCount"));
        Assert.Equal(3, created.Long("duplicateCount"));
        Assert.Equal(2 * perSegment, created.Dec("estimatedCredits"));
        var done = await tenant.WaitForStatusAsync(created.Str("id"), "completed");
        var recipients = await tenant.RecipientsAsync(done.Str("id"));
        Assert.Equal(["+12125551234", "+447400123456"], recipients.Select(r => r.Str("to")).Order());
    }

    [Fact]
    public async Task National_numbers_are_read_in_the_default_region()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body("0712 345 678", "+12125551234");
        body["defaultRegion"] = "UG";

        var created = await tenant.SendAsync(body);

        Assert.Equal(0, created.Long("invalidCount"));
        Assert.Contains(created.Arr("breakdown"), b => b!.Str("countryCode") == "UG");
        await tenant.WaitForStatusAsync(created.Str("id"), "completed");
        var recipients = await tenant.RecipientsAsync(created.Str("id"));
        Assert.Contains(recipients, r => r.Str("to") == "+256712345678" && r.Str("status") == "delivered");
    }

    [Fact]
    public async Task Without_a_default_region_a_national_number_is_an_invalid_recipient_that_costs_nothing()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var perSegment = await api.DefaultPriceAsync();

        var created = await tenant.SendAsync(CreateBodies.Body("0712 345 678", "+12125551234"));

        Assert.Equal(1, created.Long("invalidCount"));
        Assert.Equal(perSegment, created.Dec("estimatedCredits"));
        await tenant.WaitForStatusAsync(created.Str("id"), "completed");
        var invalid = Assert.Single(await tenant.RecipientsAsync(created.Str("id"), status: "invalid"));
        Assert.Equal("0712 345 678", invalid.Str("to"));
        Assert.Equal(0m, invalid.Dec("credits"));
        Assert.Equal("invalid_number", invalid.Str("error"));
    }

    [Fact]
    public async Task Per_recipient_variables_fill_the_body()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = CreateBodies.Body();
        body["body"] = "Hi {{first_name}}!";
        body["recipients"] = new JsonArray(
            new JsonObject { ["to"] = "+12125551234", ["variables"] = new JsonObject { ["first_name"] = "Ann" } },
            new JsonObject { ["to"] = "+447400123456", ["variables"] = new JsonObject { ["first_name"] = "Bo" } });

        var created = await tenant.SendAsync(body);
        var done = await tenant.WaitForStatusAsync(created.Str("id"), "completed");

        Assert.Equal(2, done["drSummary"]!.Long("delivered"));
        Assert.Equal("Hi {{first_name}}!", done.Str("body"));
    }

    [Fact]
    public async Task A_valid_recipient_without_a_variable_the_body_uses_is_MISSING_VARIABLE()
    {
        const decimal opening = 10m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var body = CreateBodies.Body();
        body["body"] = "Hi {{first_name}}!";
        body["recipients"] = new JsonArray(
            new JsonObject { ["to"] = "+12125551234", ["variables"] = new JsonObject { ["first_name"] = "Ann" } },
            "+447400123456");

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "MISSING_VARIABLE");
        await tenant.AssertNothingHappenedAsync(opening);
    }
}
