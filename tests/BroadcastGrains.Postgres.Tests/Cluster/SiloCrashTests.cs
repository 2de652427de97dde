using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BroadcastGrains.Postgres.Tests.Hosting;
using Xunit.Abstractions;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>Issue 4 item 7: a silo SIGKILLed in the middle of a 200,000-recipient broadcast loses nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloCrashTests(PostgresFixture postgres, ITestOutputHelper output)
{
    const int RecipientCount = 200_000;
    const decimal Credits = 5_000m;

    // Each silo's simulator takes 10,000 messages/s, so the send lasts long enough to kill a silo in the middle of it.
    static readonly Dictionary<string, string> Throttled = new()
    {
        ["Broadcast__Simulator__MessagesPerSecond"] = "10000",
        // Receipts the killed silo's simulator still owed are lost with it, and the batches it was submitting when killed
        // are in doubt (never submitted again): those recipients end `timeout` after this.
        ["Broadcast__ReceiptWindowMinutes"] = "1",
    };

    [Fact]
    public async Task A_silo_killed_mid_send_of_200k_recipients_loses_nothing_and_rejoins_on_its_ports()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("crash");
        using var submissions = new SubmissionLogs();
        await using var survivor = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database, submissions.For("survivor", Throttled));
        var victimEndpoints = SiloEndpoints.Fresh();
        var victim = await SiloProcess.StartAsync(victimEndpoints, database, submissions.For("victim", Throttled));
        var (_, key) = await Api.CreateClientAsync(survivor, Credits);

        // Created through the silo that is then killed, so that it hosts the broadcast grain and partitions of its own.
        var broadcastId = await CreateLargeBroadcastAsync(victim, key);
        var beforeKill = await Eventually.ReadAsync(() => Api.GetAsync(survivor, key, $"/v1/broadcasts/{broadcastId}"),
            b => Processed(b) >= RecipientCount / 5, "a fifth of the recipients to be sent");
        victim.KillHard();
        var sinceKill = Stopwatch.StartNew();
        output.WriteLine($"killed the second silo at {Processed(beforeKill)} of {RecipientCount} processed");

        JsonNode done;
        try
        {
            done = (await Eventually.ReadAsync(() => Api.TryGetAsync(survivor, key, $"/v1/broadcasts/{broadcastId}"),
                b => b?["status"]?.GetValue<string>() == "completed", "the broadcast to complete without the killed silo",
                TimeSpan.FromMinutes(3)))!;
        }
        catch
        {
            output.WriteLine($"survivor's log:\n{survivor.Log}");
            throw;
        }
        output.WriteLine($"completed {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");
        await victim.DisposeAsync();

        var summary = done["drSummary"]!.AsObject();
        Assert.Equal(RecipientCount, done["recipientCount"]!.GetValue<int>());
        Assert.Equal(RecipientCount, summary.Sum(p => p.Value!.GetValue<long>()));
        var wallet = await Api.GetAsync(survivor, key, "/v1/wallet");
        Assert.Equal(0m, wallet["held"]!.GetValue<decimal>());
        Assert.Equal(Credits - done["spentCredits"]!.GetValue<decimal>() + done["refundedCredits"]!.GetValue<decimal>(),
            wallet["balance"]!.GetValue<decimal>());
        await BroadcastChecks.AssertEachListedOnceAndFinalAsync(survivor, key, broadcastId, RecipientCount);

        // Across both processes, the carrier took every sent message once: the killed silo's partitions resumed on the
        // survivor without submitting again what the killed silo had handed over.
        var (taken, twice, bySilo) = submissions.Count();
        output.WriteLine($"the simulators took {taken} messages ({string.Join(", ", bySilo)}), {twice} of them twice");
        Assert.Equal(0, twice);
        Assert.True(bySilo.GetValueOrDefault("victim") > 0, "the killed silo sent nothing: the test proved no resume");
        Assert.True(taken >= summary["delivered"]!.GetValue<long>(), $"{taken} taken, fewer than delivered");

        // The killed silo comes back on the same ports and serves the cluster again.
        await using var restarted = await SiloProcess.StartAsync(victimEndpoints, database, submissions.For("restarted", Throttled));
        Assert.Equal(done["drSummary"]!.ToJsonString(),
            (await Api.GetAsync(restarted, key, $"/v1/broadcasts/{broadcastId}"))["drSummary"]!.ToJsonString());
    }

    static long Processed(JsonNode broadcast) =>
        broadcast["recipientCount"]!.GetValue<long>()
        - broadcast["drSummary"]!["pending"]!.GetValue<long>() - broadcast["drSummary"]!["queued"]!.GetValue<long>();

    static async Task<string> CreateLargeBroadcastAsync(SiloProcess silo, string key)
    {
        // +1 212 230-0000 … +1 212 249-9999: 200,000 distinct New York numbers.
        var numbers = Enumerable.Range(0, RecipientCount).Select(i => $"+1212{230 + i / 10_000}{i % 10_000:D4}").ToArray();
        using var http = silo.Http(key);
        http.Timeout = TimeSpan.FromMinutes(2);
        using var response = await http.PostAsJsonAsync(new Uri("/v1/broadcasts", UriKind.Relative),
            new { name = "Crash", from = "MyShop", body = "Hi there", recipients = numbers }, JsonSerializerOptions.Web);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{text}\n{silo.Log}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }
}
