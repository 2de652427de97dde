using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Carrier.Twilio;

/// <summary>
/// The status callback endpoint: a callback with a missing or wrong <c>X-Twilio-Signature</c> is 401 and changes
/// nothing; correctly signed replays of callbacks already applied change nothing either.
/// </summary>
[Collection(TwilioApiCollection.Name)]
public sealed class TwilioCallbackTests(TwilioApiFixture api)
{
    static readonly string StatusUrl = $"{TwilioApiFixture.PublicBase.ToString().TrimEnd('/')}/v1/carrier/{TwilioApiFixture.Connector}/status";

    [Fact]
    public async Task A_callback_with_a_missing_or_wrong_signature_is_401_and_changes_nothing()
    {
        var (tenant, id, recipients) = await DeliveredAsync(13125580000);
        using (tenant)
        {
            var sid = recipients[0]!.Str("carrierMessageId");

            var missing = await CallbackAsync(sid, "failed", signature: "");
            var wrong = await CallbackAsync(sid, "failed", signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");

            Assert.Equal((401, 401), ((int)missing.Long("status"), (int)wrong.Long("status")));
            Assert.Equal("UNAUTHENTICATED", JsonNode.Parse(wrong.Str("body"))!.Str("code"));
            Assert.Equal(StatusesOf(recipients), StatusesOf(await tenant.RecipientsAsync(id)));
            Assert.Equal(2, (await tenant.BroadcastAsync(id))["drSummary"]!.Long("delivered"));
        }
    }

    [Fact]
    public async Task Replayed_callbacks_and_a_late_failure_for_a_delivered_message_change_nothing()
    {
        var (tenant, id, recipients) = await DeliveredAsync(13125581000);
        using (tenant)
        {
            var before = await tenant.BroadcastAsync(id);

            var replay = await api.Twilio.PostAsync("/control/replay",
                new JsonObject { ["sids"] = new JsonArray([.. recipients.Select(r => (JsonNode)r.Str("carrierMessageId"))]) });
            var late = await CallbackAsync(recipients[1]!.Str("carrierMessageId"), "undelivered", signature: null);

            Assert.Equal(replay.Long("replayed"), replay.Long("ok"));
            Assert.Equal(2, replay.Long("replayed"));
            Assert.Equal(200, late.Long("status"));
            Assert.False(JsonNode.Parse(late.Str("body"))!.Bool("applied"));
            var after = await tenant.BroadcastAsync(id);
            Assert.Equal(StatusesOf(recipients), StatusesOf(await tenant.RecipientsAsync(id)));
            Assert.Equal(before["drSummary"]!.ToJsonString(), after["drSummary"]!.ToJsonString());
            Assert.Equal(before.Dec("spentCredits"), after.Dec("spentCredits"));
        }
    }

    async Task<(Tenant, string, List<JsonNode>)> DeliveredAsync(long first)
    {
        var tenant = await Tenant.CreateAsync(api, credits: 100);
        var id = (await tenant.SendAsync(CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(first, 2))))).Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(1));
        Assert.Equal(2, done["drSummary"]!.Long("delivered"));
        return (tenant, id, await tenant.RecipientsAsync(id));
    }

    /// <summary>The carrier posts a status callback; null signs it correctly, "" sends none, anything else is sent as is.</summary>
    Task<JsonNode> CallbackAsync(string sid, string status, string? signature)
    {
        var request = new JsonObject
        {
            ["url"] = StatusUrl,
            ["params"] = new JsonArray(new JsonArray("MessageSid", sid), new JsonArray("MessageStatus", status),
                new JsonArray("ErrorCode", "30003")),
        };
        if (signature is not null)
        {
            request["signature"] = signature;
        }
        return api.Twilio.PostAsync("/control/callback", request);
    }

    static List<string> StatusesOf(List<JsonNode> recipients) =>
        [.. recipients.Select(r => $"{r.Str("to")} {r.Str("status")} {r["error"]?.ToJsonString()}").Order()];
}
