using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BroadcastGrains.Postgres.Tests.Hosting;
using Xunit.Abstractions;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>
/// Issue 13 item 3: a keyed create of 200,000 recipients whose silo is SIGKILLed while it creates, retried with the
/// same Idempotency-Key on the other silo, makes one broadcast with one hold (an undone first hold is released).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KeyedCreateCrashTests(PostgresFixture postgres, ITestOutputHelper output)
{
    const int RecipientCount = 200_000;
    const decimal Credits = 5_000m;
    static readonly TimeSpan KillAfter = TimeSpan.FromMilliseconds(1500);

    // On a loaded machine the first attempt may answer, and start sending, before the kill: the receipts the killed
    // silo's simulator still owed die with it, and those recipients end `timeout` after this window.
    static readonly Dictionary<string, string> ShortReceiptWindow = new() { ["Broadcast__ReceiptWindowMinutes"] = "1" };

    [Fact]
    public async Task A_keyed_create_killed_mid_create_and_retried_on_the_other_silo_makes_one_broadcast_and_one_hold()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("keyedcrash");
        await using var survivor = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database, ShortReceiptWindow);
        var victim = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database, ShortReceiptWindow);
        var (_, key) = await Api.CreateClientAsync(survivor, Credits);
        // +1 212 230-0000 … +1 212 249-9999: 200,000 distinct New York numbers.
        var numbers = Enumerable.Range(0, RecipientCount).Select(i => $"+1212{230 + i / 10_000}{i % 10_000:D4}").ToArray();
        var body = JsonSerializer.Serialize(new { name = "Keyed crash", from = "MyShop", body = "Hi there", recipients = numbers },
            JsonSerializerOptions.Web);

        using var victimHttp = victim.Http(key);
        victimHttp.Timeout = TimeSpan.FromMinutes(2);
        var sent = Stopwatch.StartNew();
        var first = victimHttp.SendAsync(Keyed(body));
        await Task.WhenAny(first, Task.Delay(KillAfter));
        var answeredFirst = first.IsCompletedSuccessfully;
        victim.KillHard();
        output.WriteLine($"killed the first attempt's silo {sent.ElapsedMilliseconds} ms after sending; "
            + (answeredFirst ? "it had answered" : "it had not answered"));
        try
        {
            (await first).Dispose();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            output.WriteLine($"the first attempt failed: {e.GetType().Name}");
        }

        var retried = Stopwatch.StartNew();
        var created = (await Eventually.ReadAsync(() => TryCreateAsync(survivor, key, body), b => b is not null,
            "the retried create to answer 201", TimeSpan.FromMinutes(3)))!;
        output.WriteLine($"the retry answered 201 after {retried.Elapsed.TotalSeconds:F1} s");
        await victim.DisposeAsync();
        var id = created["id"]!.GetValue<string>();

        var listed = await Api.GetAsync(survivor, key, "/v1/broadcasts");
        Assert.Equal([id], listed["items"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));
        var done = (await Eventually.ReadAsync(() => Api.TryGetAsync(survivor, key, $"/v1/broadcasts/{id}"),
            b => b?["status"]?.GetValue<string>() == "completed", "the broadcast to complete", TimeSpan.FromMinutes(5)))!;
        Assert.Equal(RecipientCount, done["recipientCount"]!.GetValue<int>());
        var wallet = await Api.GetAsync(survivor, key, "/v1/wallet");
        Assert.Equal(0m, wallet["held"]!.GetValue<decimal>());
        Assert.Equal(Credits - done["spentCredits"]!.GetValue<decimal>() + done["refundedCredits"]!.GetValue<decimal>(),
            wallet["balance"]!.GetValue<decimal>());

        // One hold the broadcast spends; any other was a first attempt's hold, undone by a release of its own.
        var ledger = await ReadLedgerAsync(survivor, key);
        var holds = ledger.Where(e => e["kind"]!.GetValue<string>() == "hold").ToList();
        var undone = ledger.Count(e => e["kind"]!.GetValue<string>() == "release" && e["reference"]!.GetValue<string>().Contains("/unhold/"));
        output.WriteLine($"{holds.Count} holds, {undone} undone");
        Assert.Equal(1, holds.Count - undone);
        Assert.All(holds, h => Assert.Equal(id, h["broadcastId"]!.GetValue<string>()));
    }

    static HttpRequestMessage Keyed(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/broadcasts", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "crash-order-1");
        return request;
    }

    /// <summary>The retry a client makes: a 5xx, a timeout or a refused connection means "try again".</summary>
    static async Task<JsonNode?> TryCreateAsync(SiloProcess silo, string key, string body)
    {
        using var http = silo.Http(key);
        http.Timeout = TimeSpan.FromMinutes(2);
        try
        {
            using var response = await http.SendAsync(Keyed(body));
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                return null;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    static async Task<List<JsonNode>> ReadLedgerAsync(SiloProcess silo, string key)
    {
        var entries = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync(silo, key, "/v1/wallet/ledger?limit=1000" + (cursor is null ? "" : $"&cursor={cursor}"));
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            cursor = page["hasMore"]!.GetValue<bool>() ? page["nextCursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);
        return entries;
    }
}
