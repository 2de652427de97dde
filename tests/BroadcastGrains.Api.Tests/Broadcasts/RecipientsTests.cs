using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary><c>GET /v1/broadcasts/{id}/recipients</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecipientsTests(ApiFixture api)
{
    [Fact]
    public async Task A_cursor_visits_every_recipient_exactly_once()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 23));
        var created = await tenant.SendAsync(CreateBodies.Body([.. numbers, "bad-1", "bad-2"]));
        var done = await tenant.WaitForStatusAsync(created.Str("id"), "completed");

        var first = await tenant.Http.GetJsonAsync($"/v1/broadcasts/{created.Str("id")}/recipients?limit=7");
        var all = await tenant.RecipientsAsync(created.Str("id"), pageSize: 7);

        Assert.Equal(7, first.Arr("items").Count);
        Assert.True(first.Bool("hasMore"));
        Assert.Equal(done["drSummary"]!.ToJsonString(), first["summary"]!.ToJsonString());
        string[] sent = [.. numbers, "bad-1", "bad-2"];
        Assert.Equal(sent.Order(StringComparer.Ordinal), all.Select(r => r.Str("to")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_recipient_shows_status_segments_credits_carrier_id_error_and_update_time()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        using var admin = api.Operator();
        var perSegment = (await admin.GetJsonAsync("/v1/admin/prices")).Dec("defaultPerSegment");
        // +…0001 always fails at the simulator, +…0002 is refused at submit, +…0003 expires.
        var created = await tenant.SendAsync(CreateBodies.Body(
            "+12125551234", "+12125550001", "+12125550002", "+12125550003", "not a number"));
        await tenant.WaitForStatusAsync(created.Str("id"), "completed");

        var byNumber = (await tenant.RecipientsAsync(created.Str("id"))).ToDictionary(r => r.Str("to"));

        Assert.Equal(5, byNumber.Count);
        AssertRecipient(byNumber["+12125551234"], "delivered", perSegment, charged: true, error: null);
        AssertRecipient(byNumber["+12125550001"], "failed", perSegment, charged: true, error: "undelivered");
        AssertRecipient(byNumber["+12125550002"], "blocked", perSegment, charged: false, error: "carrier_rejected");
        AssertRecipient(byNumber["+12125550003"], "expired", perSegment, charged: true, error: "expired");
        AssertRecipient(byNumber["not a number"], "invalid", perSegment, charged: false, error: "invalid_number");
        Assert.All(byNumber.Values, r => Assert.EndsWith("Z", r.Str("updatedAt"), StringComparison.Ordinal));
        // With no routing table the implicit route "default" takes every number through the one connector.
        Assert.Equal(("default", "simulator"), (byNumber["+12125551234"]["route"]?.GetValue<string>(),
            byNumber["+12125551234"]["connector"]?.GetValue<string>()));
        Assert.Null(byNumber["+12125550002"]["connector"]);
        Assert.Null(byNumber["not a number"]["route"]);
        var done = await tenant.BroadcastAsync(created.Str("id"));
        Assert.Equal(3 * perSegment, done.Dec("spentCredits"));
    }

    [Fact]
    public async Task The_status_filter_returns_only_recipients_in_that_status()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var created = await tenant.SendAsync(CreateBodies.Body("+12125551234", "+447400123456", "x", "y", "+12125550001"));
        await tenant.WaitForStatusAsync(created.Str("id"), "completed");

        var invalid = await tenant.RecipientsAsync(created.Str("id"), pageSize: 1, status: "invalid");
        var delivered = await tenant.RecipientsAsync(created.Str("id"), status: "delivered");
        var failed = await tenant.RecipientsAsync(created.Str("id"), status: "failed");
        var cancelled = await tenant.RecipientsAsync(created.Str("id"), status: "cancelled");

        Assert.Equal(["x", "y"], invalid.Select(r => r.Str("to")).Order(StringComparer.Ordinal));
        Assert.Equal(["+12125551234", "+447400123456"], delivered.Select(r => r.Str("to")).Order(StringComparer.Ordinal));
        Assert.Equal(["+12125550001"], failed.Select(r => r.Str("to")));
        Assert.Empty(cancelled);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("status=lost", "status")]
    [InlineData("status=optedOut", "status")]
    [InlineData("cursor=forged", "cursor")]
    [InlineData("cursor=7", "cursor")]
    [InlineData("cursor=-5", "cursor")]
    [InlineData("cursor=1-x", "cursor")]
    public async Task A_bad_recipients_query_is_VALIDATION_FAILED(string query, string field)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var created = await tenant.SendAsync(CreateBodies.Body("+12125551234"));

        using var response = await tenant.Http.GetAsync($"/v1/broadcasts/{created.Str("id")}/recipients?{query}");

        await response.AssertValidationAsync(field);
    }

    static void AssertRecipient(System.Text.Json.Nodes.JsonNode recipient, string status, decimal perSegment, bool charged, string? error)
    {
        Assert.Equal(status, recipient.Str("status"));
        Assert.Equal(error, recipient["error"]?.GetValue<string>());
        Assert.Equal(charged ? perSegment : 0m, recipient.Dec("credits"));
        if (charged)
        {
            Assert.False(string.IsNullOrEmpty(recipient.Str("carrierMessageId")));
            Assert.Equal(1, recipient.Long("segments"));
        }
        else
        {
            Assert.Null(recipient["carrierMessageId"]);
        }
    }
}
