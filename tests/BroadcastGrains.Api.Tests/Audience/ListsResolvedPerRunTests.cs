using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Catalogue;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.Api.Tests.Lifecycle;
using BroadcastGrains.Api.Tests.Tenancy;

namespace BroadcastGrains.Api.Tests.Audience;

/// <summary>
/// Issue 19 item 1: a scheduled or recurring broadcast on <c>listIds</c> sends each run to the lists as they are when
/// the run starts (not as they were at create, nor run 1's recipients again); opt-outs still apply.
/// </summary>
[Collection(ClockedApiCollection.Name)]
public sealed class ListsResolvedPerRunTests(ClockedApiFixture api)
{
    [Fact]
    public async Task A_weekly_broadcast_on_a_list_sends_run_2_to_the_list_as_it_is_then_without_opted_out_numbers()
    {
        using var client = await Clients.CreateAsync(api, [], credits: 10);
        var listId = await ContactListKit.CreateAsync(client, "weekly");
        var numbers = CreateBodies.ValidNumbers(13035550000, 4);
        var (a, b, c, d) = (CreateBodies.E164(numbers[0]), CreateBodies.E164(numbers[1]), CreateBodies.E164(numbers[2]), CreateBodies.E164(numbers[3]));
        await ContactListKit.UploadCsvAsync(client, listId, ContactListKit.Csv(numbers[..3], "first_name", i => "Ann" + i));
        var first = WholeSeconds(api.Clock.GetUtcNow().AddMinutes(5));

        var created = await client.SendAsync(new JsonObject
        {
            ["name"] = "Weekly", ["from"] = ApiFixture.SharedSender, ["body"] = "Hi {{first_name}}", ["listIds"] = new JsonArray(listId),
            ["scheduleMode"] = "recurring", ["recurrenceRule"] = "FREQ=WEEKLY;COUNT=3", ["scheduledAt"] = LifecycleBodies.Instant(first),
        });
        var id = created.Str("id");
        Assert.Equal([listId], created.Arr("listIds").Select(l => l!.GetValue<string>()));

        await api.RunAtAsync(id, first.AddSeconds(1));
        await WaitForRunAsync(client, id, 1);
        Assert.Equal([a, b, c], await SentToAsync(client, id));

        // Between the runs the list loses b and gains d, and c opts out.
        using (var removed = await client.Http.DeleteAsync($"/v1/contact-lists/{listId}/contacts/{Uri.EscapeDataString(b)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }
        await ContactListKit.UploadCsvAsync(client, listId, ContactListKit.Csv(numbers[3..], "first_name", _ => "Dee"));
        using (var optOut = await client.Http.PostJsonAsync("/v1/opt-outs", new { phone = c }))
        {
            Assert.Equal(HttpStatusCode.Created, optOut.StatusCode);
        }

        await api.RunAtAsync(id, first.AddDays(7).AddSeconds(1));
        var run2 = await WaitForRunAsync(client, id, 2);

        Assert.Equal(3, run2.Long("recipientCount"));
        var recipients = (await client.RecipientsAsync(id)).ToDictionary(r => r.Str("to"), r => r.Str("status"));
        Assert.Equal(new Dictionary<string, string> { [a] = "delivered", [c] = "opted_out", [d] = "delivered" }, recipients);
        var broadcast = await client.BroadcastAsync(id);
        Assert.Equal((3L, "scheduled"), (broadcast.Long("recipientCount"), broadcast.Str("status")));
        await client.AssertLedgerAddsUpAsync();
    }

    /// <summary>Waits for run <paramref name="run"/> to complete and answers it.</summary>
    internal static async Task<JsonNode> WaitForRunAsync(Tenant client, string id, int run)
    {
        var runs = await Eventually.ReadAsync(() => client.Http.GetJsonAsync($"/v1/broadcasts/{id}/runs"),
            r => r.Arr("items").Count >= run && r.Arr("items")[run - 1]!.Str("status") is "completed" or "failed", $"run {run} of {id} to end");
        var ended = runs.Arr("items")[run - 1]!;
        Assert.Equal("completed", ended.Str("status"));
        return ended;
    }

    /// <summary>The numbers the latest run delivered to, in order.</summary>
    internal static async Task<List<string>> SentToAsync(Tenant client, string id) =>
        [.. (await client.RecipientsAsync(id)).Where(r => r.Str("status") == "delivered").Select(r => r.Str("to")).Order(StringComparer.Ordinal)];

    static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
