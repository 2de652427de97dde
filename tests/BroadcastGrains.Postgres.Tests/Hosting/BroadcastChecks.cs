using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>A large broadcast through a silo process and the invariants its end must show, for the fault tests.</summary>
internal static class BroadcastChecks
{
    static readonly string[] Final = ["delivered", "failed", "expired", "timeout", "invalid", "blocked", "opted_out", "cancelled"];

    /// <summary><paramref name="count"/> distinct New York numbers: +1 212 230-0000, +1 212 230-0001, …</summary>
    public static string[] Numbers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"+1212{230 + i / 10_000}{i % 10_000:D4}")];

    public static async Task<string> CreateAsync(SiloProcess silo, string key, int count)
    {
        using var http = silo.Http(key);
        http.Timeout = TimeSpan.FromMinutes(2);
        using var response = await http.PostAsJsonAsync(new Uri("/v1/broadcasts", UriKind.Relative),
            new { name = "Faults", from = "MyShop", body = "Hi there", recipients = Numbers(count) }, JsonSerializerOptions.Web);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{text}\n{silo.Log}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Recipients with an outcome or a refusal: neither pending nor queued.</summary>
    public static long Processed(JsonNode broadcast) =>
        broadcast["recipientCount"]!.GetValue<long>()
        - broadcast["drSummary"]!["pending"]!.GetValue<long>() - broadcast["drSummary"]!["queued"]!.GetValue<long>();

    public static bool IsCompleted(JsonNode? broadcast) => broadcast?["status"]?.GetValue<string>() == "completed";

    /// <summary>Nothing held; the balance is what was credited less what was spent plus what was refunded.</summary>
    public static async Task AssertMoneyAsync(SiloProcess silo, string key, JsonNode done, decimal credits)
    {
        var wallet = await Api.GetAsync(silo, key, "/v1/wallet");
        Assert.Equal(0m, wallet["held"]!.GetValue<decimal>());
        Assert.Equal(credits - done["spentCredits"]!.GetValue<decimal>() + done["refundedCredits"]!.GetValue<decimal>(),
            wallet["balance"]!.GetValue<decimal>());
    }

    /// <summary>Every recipient listed once, each with a final status, and the summary adds up to them.</summary>
    public static async Task AssertEveryRecipientFinalOnceAsync(SiloProcess silo, string key, JsonNode done, int count)
    {
        Assert.Equal(count, done["recipientCount"]!.GetValue<int>());
        Assert.Equal(count, done["drSummary"]!.AsObject().Sum(p => p.Value!.GetValue<long>()));
        await AssertEachListedOnceAndFinalAsync(silo, key, done["id"]!.GetValue<string>(), count);
    }

    /// <summary>The recipients pages list <paramref name="count"/> distinct numbers, each with a final status.</summary>
    public static async Task AssertEachListedOnceAndFinalAsync(SiloProcess silo, string key, string broadcastId, int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync(silo, key,
                $"/v1/broadcasts/{broadcastId}/recipients?limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            foreach (var item in page["items"]!.AsArray())
            {
                Assert.True(seen.Add(item!["to"]!.GetValue<string>()), $"{item["to"]} is listed twice");
                Assert.Contains(item["status"]!.GetValue<string>(), Final);
            }
            cursor = page["hasMore"]!.GetValue<bool>() ? page["nextCursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);
        Assert.Equal(count, seen.Count);
    }
}
