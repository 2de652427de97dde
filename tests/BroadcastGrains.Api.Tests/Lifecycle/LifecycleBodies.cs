using System.Globalization;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>Create bodies with schedule fields, and what a client reads back about money and schedules.</summary>
internal static class LifecycleBodies
{
    /// <summary><paramref name="count"/> valid US numbers (New York, +1 212 555 …).</summary>
    public static string[] Numbers(int count) => CreateBodies.E164(CreateBodies.ValidNumbers(12_125_550_100, count));

    public static JsonObject Body(int recipients, string? scheduleMode = null, DateTimeOffset? scheduledAt = null)
    {
        var body = CreateBodies.Body(Numbers(recipients));
        if (scheduleMode is not null)
        {
            body["scheduleMode"] = scheduleMode;
        }
        if (scheduledAt is { } at)
        {
            body["scheduledAt"] = Instant(at);
        }
        return body;
    }

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Time(this JsonNode node, string field) =>
        node[field] is { } value ? DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture) : null;

    /// <summary>The broadcast's status, money and schedule as a client compares them: what a refused command must not move.</summary>
    public static string Essentials(JsonNode broadcast) => string.Join("|",
        broadcast.Str("status"), broadcast.Dec("estimatedCredits"), broadcast.Dec("heldCredits"), broadcast.Dec("spentCredits"),
        broadcast["nextRunAt"]?.ToJsonString(), broadcast["upcomingRuns"]?.ToJsonString(), broadcast["approvedAt"]?.ToJsonString(),
        broadcast["drSummary"]?.ToJsonString(), broadcast["name"]?.ToJsonString(), broadcast["body"]?.ToJsonString());

    /// <summary>The wallet and its ledger's length, as text to compare.</summary>
    public static async Task<string> MoneyAsync(this Tenant tenant) =>
        (await tenant.WalletAsync()).ToJsonString() + "|" + (await tenant.LedgerAsync()).Count;
}
